namespace MultiTrust.Sinks.Compare;

/// <summary>
/// What makes two scores a pair: the same model (or model label), task, judge and sample. <see cref="SampleId"/> may
/// carry more than the sample id when the caller pairs on more (run comparison pairs on sample id and variant id).
/// </summary>
public readonly record struct PairingKey(string ModelId, string TaskId, string JudgeId, string SampleId);
