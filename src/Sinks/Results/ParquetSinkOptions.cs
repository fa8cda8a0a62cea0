namespace MultiTrust.Sinks.Results;

/// <summary>Options of <see cref="ParquetResultSink"/> and the other Parquet writers, captured at construction.</summary>
public sealed record ParquetSinkOptions
{
    private readonly int _rowGroupRows = 10_000;

    /// <summary>Default options: Snappy compression, system clock, row groups of 10,000 rows.</summary>
    public static ParquetSinkOptions Default { get; } = new();

    /// <summary>The codec of every written part (default <see cref="ParquetCompression.Snappy"/>).</summary>
    public ParquetCompression Compression { get; init; } = ParquetCompression.Snappy;

    /// <summary>The clock that stamps commit markers (default <see cref="TimeProvider.System"/>).</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>
    /// Called at the start of every <see cref="ParquetResultSink.CommitAsync"/> that has rows, before any part is
    /// published: makes what the rows refer to durable first (a run passes its blob store's <c>FlushAsync</c>, so a
    /// committed row never references an image a crash lost). A failure fails the commit like a write error. Default none.
    /// </summary>
    public Func<CancellationToken, ValueTask>? BeforeCommit { get; init; }

    /// <summary>
    /// The output folder: image paths under it are written to <c>samples.image_paths</c> relative to it (with
    /// <c>/</c> separators, e.g. <c>blobs/packs/….pack#1572</c>), so the tables stay valid when the folder moves; paths
    /// outside it (source images) are written as they are. A run sets it to its output folder. Default none (every path
    /// as it is).
    /// </summary>
    public string? ImagePathRoot { get; init; }

    /// <summary>
    /// The rows of one (task, table) that <see cref="ParquetResultSink"/> buffers before writing them as one row group
    /// to the part file the next commit will publish (default 10,000; at least 1). The sink's memory is bounded by this,
    /// not by the commit interval.
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
}
