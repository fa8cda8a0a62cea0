namespace MultiTrust.Sinks.Results;

/// <summary>Options of <see cref="RunCompactor"/>.</summary>
public sealed record CompactionOptions
{
    private readonly int _rowGroupRows = 100_000;

    /// <summary>Defaults: row groups of 100,000 rows, Snappy, system clock, no step callback.</summary>
    public static CompactionOptions Default { get; } = new();

    /// <summary>
    /// The rows of each row group of a compacted part (default 100,000; at least 1). The last row group of a part holds
    /// what is left.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 1.</exception>
    public int RowGroupRows
    {
        get => _rowGroupRows;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1, nameof(RowGroupRows));
            _rowGroupRows = value;
        }
    }

    /// <summary>The codec of the compacted parts (default <see cref="ParquetCompression.Snappy"/>).</summary>
    public ParquetCompression Compression { get; init; } = ParquetCompression.Snappy;

    /// <summary>The clock that stamps the compaction marker (default <see cref="TimeProvider.System"/>).</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>
    /// Called after each step with the path of the file concerned (progress output). An exception thrown here stops the
    /// compaction at that point, as a crash would, and propagates.
    /// </summary>
    public Action<CompactionStep, string>? OnStep { get; init; }
}
