namespace MultiTrust.Sinks.Results;

/// <summary>The compression codecs the sinks write. Both are set explicitly, never left to the library default.</summary>
public enum ParquetCompression
{
    /// <summary>Snappy: fastest to write, larger files.</summary>
    Snappy,

    /// <summary>Zstd at <see cref="System.IO.Compression.CompressionLevel.Optimal"/>: about half the size of Snappy.</summary>
    Zstd,
}
