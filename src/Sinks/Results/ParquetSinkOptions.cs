namespace MultiTrust.Sinks.Results;

/// <summary>Options of <see cref="ParquetResultSink"/> and the other Parquet writers, captured at construction.</summary>
public sealed record ParquetSinkOptions
{
    /// <summary>Default options: Snappy compression, system clock.</summary>
    public static ParquetSinkOptions Default { get; } = new();

    /// <summary>The codec of every written part (default <see cref="ParquetCompression.Snappy"/>).</summary>
    public ParquetCompression Compression { get; init; } = ParquetCompression.Snappy;

    /// <summary>The clock that stamps commit markers (default <see cref="TimeProvider.System"/>).</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
