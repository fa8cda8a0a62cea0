namespace MultiTrust.Stages.Aggregation.Formulas;

/// <summary>
/// The outcome of a task formula: a 0–100 value, or null with the inputs that are missing (never a silent zero).
/// <see cref="Unavailable"/> lists inputs a "mean of available" node left out while still producing a value.
/// </summary>
public sealed record FormulaResult(double? Value, IReadOnlyList<string> Missing, IReadOnlyList<string> Unavailable)
{
    /// <summary><c>not scored: missing a/b, c/d</c> when there is no value; otherwise null.</summary>
    public string? NotScoredReason => Value is null ? $"not scored: missing {string.Join(", ", Missing)}" : null;

    /// <summary><c>not available: a/b, …</c> when a value was computed without some inputs; otherwise null.</summary>
    public string? UnavailableNote => Value is not null && Unavailable.Count > 0
        ? $"not available: {string.Join(", ", Unavailable)}"
        : null;
}
