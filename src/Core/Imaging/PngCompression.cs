namespace MultiTrust.Core.Imaging;

/// <summary>How <see cref="PngEncoder"/> compresses. Both are deterministic: the output depends on the pixels and
/// this choice only, never on the machine or runtime.</summary>
public enum PngCompression
{
    /// <summary>Greedy LZ77 in one fixed-Huffman DEFLATE block — the original output, byte for byte, so hashes of
    /// rendered typography and scenes stay valid. Good on synthetic images; noise comes out ~5% larger than raw.</summary>
    Default = 0,

    /// <summary>The same LZ77 per 16 KB block, abandoned for a stored (uncompressed) block as soon as it does not
    /// save at least 1/8 of the block: noise costs about a copy plus checksums and stays within 0.1% of raw size,
    /// while flat, synthetic or smooth images still compress. For hot paths (lossless perturbation output, unrelated
    /// images).</summary>
    Fast = 1,

    /// <summary>LZ77 whose only candidates are the previous pixel and the pixel above (no hash table), in one
    /// fixed-Huffman block. Made for flat synthetic images (generated scenes: runs of one colour, rows repeating the
    /// row above), where it finds nearly every match <see cref="Default"/> finds at a fraction of the time; on
    /// textured images it compresses poorly.</summary>
    Runs = 2,
}
