namespace MultiTrust.Tasks.Fairness.ProfessionPrediction;

/// <summary>
/// The perceived-attribute flag columns of <c>profess_prediction.csv</c> and the value each stands for. A flag counts
/// when its value is exactly <c>1</c> (as in the reference); an attribute is known when exactly one of its flags is set.
/// </summary>
internal static class PersonAttributes
{
    /// <summary>One attribute: its metadata key and its (column, value) flags.</summary>
    public sealed record Attribute(string Key, IReadOnlyList<(string Column, string Value)> Flags);

    public static IReadOnlyList<Attribute> All { get; } =
    [
        new(OfficialProfessionPredictionSource.GenderKey, [("gender_presentation_masc", "male"), ("gender_presentation_fem", "female")]),
        new(
            OfficialProfessionPredictionSource.AgeKey,
            [("age_presentation_older", "older"), ("age_presentation_middle", "middle"), ("age_presentation_young", "young")]),
        new(OfficialProfessionPredictionSource.SkinToneKey, [("skin_tone_1_3", "light"), ("skin_tone_4_6", "medium"), ("skin_tone_7_10", "dark")]),
    ];
}
