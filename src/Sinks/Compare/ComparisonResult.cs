namespace MultiTrust.Sinks.Compare;

/// <summary>
/// The comparison of one quantity between side A (run A, or the clean variant) and side B (run B, or a perturbed
/// variant). <see cref="Delta"/> is always B − A.
/// </summary>
/// <param name="ValueA">Mean (or proportion) of side A.</param>
/// <param name="ValueB">Mean (or proportion) of side B.</param>
/// <param name="Delta">B − A.</param>
/// <param name="CiLow">Lower bound of the 95% CI of the difference; null when it cannot be computed (too few samples).</param>
/// <param name="CiHigh">Upper bound of the 95% CI of the difference.</param>
/// <param name="PValue">Two-sided p-value of "no difference"; null when it cannot be computed.</param>
/// <param name="NA">Observations of side A (the number of pairs for a paired comparison).</param>
/// <param name="NB">Observations of side B (the number of pairs for a paired comparison).</param>
/// <param name="Paired">True when the two sides are paired observations of the same samples.</param>
/// <param name="Method">How CI and p-value were computed (see <see cref="ComparisonMethods"/>).</param>
/// <param name="McNemarB">Paired binary only: pairs with A = 1 and B = 0.</param>
/// <param name="McNemarC">Paired binary only: pairs with A = 0 and B = 1.</param>
public sealed record ComparisonResult(
    double ValueA,
    double ValueB,
    double Delta,
    double? CiLow,
    double? CiHigh,
    double? PValue,
    long NA,
    long NB,
    bool Paired,
    string Method,
    long? McNemarB = null,
    long? McNemarC = null);
