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
    /// Called once the compaction marker is durable and before the replaced files are deleted, for what must stop naming
    /// them first (the CLI refreshes <c>catalog.duckdb</c>, whose views list part paths). A failure propagates; the
    /// compaction is committed regardless and the replaced files are deleted by the next compaction or recovery.
    /// </summary>
    public Func<CancellationToken, Task>? BeforeRemoving { get; init; }

    /// <summary>
    /// Called after each step with the path of the file concerned (progress output). An exception thrown here stops the
    /// compaction at that point, as a crash would, and propagates.
    /// </summary>
    public Action<CompactionStep, string>? OnStep { get; init; }
}
