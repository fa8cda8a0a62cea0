using MultiTrust.Core.Records;

namespace MultiTrust.Engine.Blocks;

/// <summary>A variant of a sample with one model's typed response (an answer, or a failure status with its error).</summary>
public sealed record AnsweredSample(Sample Sample, Variant Variant, ModelResponse Response);
