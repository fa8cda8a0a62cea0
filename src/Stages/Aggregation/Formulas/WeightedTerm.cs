namespace MultiTrust.Stages.Aggregation.Formulas;

/// <summary>An item of a <see cref="WeightedMeanOf"/> and its relative weight (&gt; 0).</summary>
public sealed record WeightedTerm(double Weight, FormulaExpression Item);
