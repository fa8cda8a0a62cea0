namespace MultiTrust.Sinks.Compare;

/// <summary>The values of <see cref="ComparisonResult.Method"/>: which CI and which test produced a comparison.</summary>
public static class ComparisonMethods
{
    /// <summary>Paired 0/1 outcomes: Newcombe hybrid score CI (method 10), exact McNemar test (b + c &lt; 25).</summary>
    public const string McNemarExact = "paired-binary: newcombe-score ci, mcnemar exact";

    /// <summary>Paired 0/1 outcomes: Newcombe hybrid score CI (method 10), McNemar χ² with continuity correction.</summary>
    public const string McNemarChiSquared = "paired-binary: newcombe-score ci, mcnemar chi2 cc";

    /// <summary>Paired scores that are not all 0/1: paired t CI and paired t-test on the differences.</summary>
    public const string PairedT = "paired-mean: paired t";

    /// <summary>Independent proportions: Newcombe hybrid score CI (method 10), pooled two-proportion z-test.</summary>
    public const string TwoProportion = "unpaired-binary: newcombe-score ci, two-proportion z";

    /// <summary>Independent means: Welch CI and Welch t-test.</summary>
    public const string Welch = "unpaired-mean: welch t";
}
