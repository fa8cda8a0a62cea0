namespace MultiTrust.Sinks.Compare;

/// <summary>The values of <see cref="ComparisonRow.Status"/>.</summary>
public static class ComparisonStatus
{
    /// <summary>Significant (p &lt; alpha) change in the worse direction.</summary>
    public const string Regressed = "regressed";

    /// <summary>Significant change in the better direction.</summary>
    public const string Improved = "improved";

    /// <summary>Not significant (p ≥ alpha).</summary>
    public const string Unchanged = "unchanged";

    /// <summary>No test possible: a side has no value, too few samples, or (for a score) no single metric defines it.</summary>
    public const string Untested = "untested";

    internal static int Order(string status) => status switch
    {
        Regressed => 0,
        Improved => 1,
        Unchanged => 2,
        _ => 3,
    };
}
