using MultiTrust.Core.Records;

namespace MultiTrust.Sinks.Results;

/// <summary>A buffered <c>samples</c> row: the sample and the variant applied to it.</summary>
internal readonly record struct SampleRow(Sample Sample, Variant Variant);
