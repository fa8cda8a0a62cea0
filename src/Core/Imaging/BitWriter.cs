using System.Buffers;
using System.Buffers.Binary;
using System.Runtime.CompilerServices;

namespace MultiTrust.Core.Imaging;

/// <summary>LSB-first bit writer for DEFLATE streams into a growable buffer rented from the shared pool (returned on
/// <see cref="Dispose"/>). Not thread-safe.</summary>
internal sealed class BitWriter : IDisposable
{
    private byte[] _buffer;
    private int _length;
    private ulong _bits;
    private int _count;

    public BitWriter(int capacity) => _buffer = ArrayPool<byte>.Shared.Rent(Math.Max(capacity, 64));

    /// <summary>The bytes written so far; call <see cref="AlignToByte"/> first to include pending bits.</summary>
    public ReadOnlySpan<byte> Written => _buffer.AsSpan(0, _length);

    /// <summary>Writes the low <paramref name="bits"/> (at most 32) bits of <paramref name="value"/>, least
    /// significant first; the higher bits of <paramref name="value"/> must be zero.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Write(uint value, int bits)
    {
        _bits |= (ulong)value << _count;
        _count += bits;
        if (_count >= 32)
        {
            Ensure(4);
            BinaryPrimitives.WriteUInt32LittleEndian(_buffer.AsSpan(_length), (uint)_bits);
            _length += 4;
            _bits >>= 32;
            _count -= 32;
        }
    }

    /// <summary>Pads to a byte boundary with zero bits and moves the pending bytes to the buffer.</summary>
    public void AlignToByte()
    {
        Ensure(8);
        while (_count > 0)
        {
            _buffer[_length++] = (byte)_bits;
            _bits >>= 8;
            _count = Math.Max(0, _count - 8);
        }

        _bits = 0;
    }

    /// <summary>Copies bytes verbatim; only valid right after <see cref="AlignToByte"/>.</summary>
    public void WriteBytes(ReadOnlySpan<byte> bytes)
    {
        if (_count != 0)
        {
            throw new InvalidOperationException("BitWriter.WriteBytes needs a byte-aligned position; call AlignToByte first.");
        }

        Ensure(bytes.Length);
        bytes.CopyTo(_buffer.AsSpan(_length));
        _length += bytes.Length;
    }

    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
    }

    private void Ensure(int extra)
    {
        if (_length + extra > _buffer.Length)
        {
            var larger = ArrayPool<byte>.Shared.Rent(Math.Max(_buffer.Length * 2, _length + extra));
            _buffer.AsSpan(0, _length).CopyTo(larger);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = larger;
        }
    }
}
