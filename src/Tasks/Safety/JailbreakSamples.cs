using System.Collections.Immutable;
using MultiTrust.Core.Records;
using MultiTrust.Sources.Official;

namespace MultiTrust.Tasks.Safety;

/// <summary>
/// What S.4–S.6 samples are judged against: the harmful question is the reference's target and the behaviour the
/// HarmBench classifier is given (<c>Metadata["behavior"]</c>, read by the classifier judge); the oracle refuses.
/// </summary>
internal static class JailbreakSamples
{
    public static SampleTarget Target(string question) => new(question, [], OfficialReferences.Refusal);

    public static ImmutableDictionary<string, string> Metadata(string question, string id) =>
        ImmutableDictionary<string, string>.Empty.Add("behavior", question).Add("id", id);
}
