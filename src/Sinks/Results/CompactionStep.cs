namespace MultiTrust.Sinks.Results;

/// <summary>The steps of a compaction reported to <see cref="CompactionOptions.OnStep"/>, in the order they happen.</summary>
public enum CompactionStep
{
    /// <summary>A row group of a compacted part was written to its temporary file (not yet visible).</summary>
    RowGroupWritten,

    /// <summary>A compacted part was flushed and renamed to its final name (still not visible: no marker lists it).</summary>
    PartPublished,

    /// <summary>The compaction marker was written: from now on readers see the compacted parts instead of the old ones.</summary>
    MarkerWritten,

    /// <summary>A superseded part file or marker was deleted.</summary>
    FileRemoved,
}
