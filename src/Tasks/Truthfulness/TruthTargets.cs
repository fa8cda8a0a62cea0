using MultiTrust.Core.Records;
using MultiTrust.Sources.Official;

namespace MultiTrust.Tasks.Truthfulness;

/// <summary>The targets of the release's <c>truth</c> field.</summary>
internal static class TruthTargets
{
    /// <summary>
    /// A yes/no statement (T.1 d-*, T.2, T.6): "Yes" or "No" (exact, as the reference compares it) becomes Expected
    /// <c>yes</c>/<c>no</c> for the yes/no judges and Reference "Yes"/"No" for the oracle. Any other value is a malformed
    /// row, reported with <c>file:line</c>.
    /// </summary>
    public static SampleTarget YesNo(AnnotationRow row, string field = "truth")
    {
        var truth = row.String(field);
        return truth switch
        {
            "Yes" => new SampleTarget("yes", [], "Yes"),
            "No" => new SampleTarget("no", [], "No"),
            _ => throw row.Fail($"field '{field}' must be \"Yes\" or \"No\", found \"{truth}\""),
        };
    }

    /// <summary>A free-text ground truth: judged against it and answered by the oracle.</summary>
    public static SampleTarget FreeText(string truth) => new(truth, [], truth);
}
