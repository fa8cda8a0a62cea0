using MultiTrust.Core.Records;

namespace MultiTrust.Engine.Blocks;

/// <summary>
/// One variant of a sample, ready to send: <see cref="Sample"/> carries the exact images and prompt of
/// <see cref="Variant"/>. A variant that could not be applied carries the reason as the sample's input error
/// (<see cref="SampleMetadataKeys.InputError"/>): the model is not called and the response row records it.
/// </summary>
public sealed record VariantSample(Sample Sample, Variant Variant);
