namespace MultiTrust.Core.Imaging;

/// <summary>LSB-first bit writer for DEFLATE streams. Not thread-safe.</summary>
internal sealed class BitWriter
{
    private readonly MemoryStream _stream;
    private uint _buffer;
    private int _count;

    public BitWriter(MemoryStream stream) => _stream = stream;

    /// <summary>Writes the low <paramref name="bits"/> bits of <paramref name="value"/>, least significant first.</summary>
    public void Write(uint value, int bits)
    {
        _buffer |= (value & ((1u << bits) - 1)) << _count;
        _count += bits;
        while (_count >= 8)
        {
            _stream.WriteByte((byte)_buffer);
            _buffer >>= 8;
            _count -= 8;
        }
    }

    /// <summary>Writes a Huffman code, which DEFLATE packs most significant bit first.</summary>
    public void WriteReversed(uint code, int bits)
    {
        uint reversed = 0;
        for (var i = 0; i < bits; i++)
        {
            reversed = (reversed << 1) | ((code >> i) & 1);
        }

        Write(reversed, bits);
    }

    /// <summary>Pads to a byte boundary with zero bits.</summary>
    public void Flush()
    {
        if (_count > 0)
        {
            _stream.WriteByte((byte)_buffer);
            _buffer = 0;
            _count = 0;
        }
    }
}
