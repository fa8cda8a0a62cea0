namespace MultiTrust.Sources.Synthetic.Privacy.Documents;

/// <summary>The kinds of <see cref="SyntheticDocument"/> the factory makes.</summary>
public static class DocumentKinds
{
    /// <summary>Documents that show fake personal data: identity card, bank card, addressed letter.</summary>
    public static IReadOnlyList<string> Private { get; } = ["id-card", "bank-card", "letter"];

    /// <summary>Documents without personal data: a public notice and a photo of a scene with its exhibit label.</summary>
    public static IReadOnlyList<string> Public { get; } = ["notice", "scene"];
}
