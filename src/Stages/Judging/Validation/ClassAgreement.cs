namespace MultiTrust.Stages.Judging.Validation;

/// <summary>
/// Agreement on the records of one class (the gold records' <c>class</c> field): how many there are, how many the judge
/// labelled as the gold set does, and the confusion of the rest (gold → predicted, most frequent first).
/// </summary>
public sealed record ClassAgreement(string Class, int N, int Agreed, IReadOnlyList<LabelConfusion> Misses)
{
    /// <summary><see cref="Agreed"/> / <see cref="N"/>.</summary>
    public double Accuracy => N == 0 ? 0 : (double)Agreed / N;
}
