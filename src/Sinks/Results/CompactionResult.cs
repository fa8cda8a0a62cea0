namespace MultiTrust.Sinks.Results;

/// <summary>What <see cref="RunCompactor.CompactAsync"/> did.</summary>
/// <param name="Generation">The generation of the compaction marker written, or null when the run was already compact.</param>
/// <param name="PartsBefore">The committed part files before.</param>
/// <param name="PartsAfter">The committed part files after.</param>
/// <param name="RowsRewritten">The rows copied into compacted parts.</param>
/// <param name="FilesRemoved">The superseded part files and markers deleted (also those left by an earlier, interrupted compaction).</param>
public sealed record CompactionResult(long? Generation, int PartsBefore, int PartsAfter, long RowsRewritten, int FilesRemoved);
