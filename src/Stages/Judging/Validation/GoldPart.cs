namespace MultiTrust.Stages.Judging.Validation;

/// <summary>
/// The two parts of a judge's gold set. Judge development (rule changes, unit tests, examples) may read the
/// <see cref="Tuning"/> part; the <see cref="HeldOut"/> part is read only by the validation (<see cref="GoldSetValidator"/>,
/// <c>multitrust judges validate</c> and the floor tests), so its agreement estimates how a judge does on answers it was
/// not tuned on.
/// </summary>
public enum GoldPart
{
    /// <summary><c>data/judges/gold/&lt;judge-id&gt;.jsonl</c>: the records a judge's rules were developed against.</summary>
    Tuning,

    /// <summary><c>data/judges/gold/held-out/&lt;judge-id&gt;.jsonl</c>: records never used to develop the judge.</summary>
    HeldOut,
}
