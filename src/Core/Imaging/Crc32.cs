using System.Buffers.Binary;

namespace MultiTrust.Core.Imaging;

/// <summary>CRC-32 (ISO-HDLC, polynomial 0xEDB88320, as PNG chunks use), eight bytes per step from eight tables.</summary>
internal static class Crc32
{
    private static readonly uint[] s_tables = BuildTables();

    public static uint Compute(ReadOnlySpan<byte> data)
    {
        var tables = s_tables.AsSpan();
        var crc = 0xFFFFFFFFu;
        while (data.Length >= 8)
        {
            var low = BinaryPrimitives.ReadUInt32LittleEndian(data) ^ crc;
            var high = BinaryPrimitives.ReadUInt32LittleEndian(data[4..]);
            crc = tables[(7 * 256) + (int)(low & 0xFF)] ^ tables[(6 * 256) + (int)((low >> 8) & 0xFF)]
                ^ tables[(5 * 256) + (int)((low >> 16) & 0xFF)] ^ tables[(4 * 256) + (int)(low >> 24)]
                ^ tables[(3 * 256) + (int)(high & 0xFF)] ^ tables[(2 * 256) + (int)((high >> 8) & 0xFF)]
                ^ tables[256 + (int)((high >> 16) & 0xFF)] ^ tables[(int)(high >> 24)];
            data = data[8..];
        }

        foreach (var b in data)
        {
            crc = tables[(int)((crc ^ b) & 0xFF)] ^ (crc >> 8);
        }

        return crc ^ 0xFFFFFFFFu;
    }

    // Table k maps a byte to its CRC contribution k bytes further on.
    private static uint[] BuildTables()
    {
        var tables = new uint[8 * 256];
        for (uint n = 0; n < 256; n++)
        {
            var c = n;
            for (var k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            }

            tables[n] = c;
        }

        for (var t = 1; t < 8; t++)
        {
            for (var n = 0; n < 256; n++)
            {
                var previous = tables[((t - 1) * 256) + n];
                tables[(t * 256) + n] = tables[(int)(previous & 0xFF)] ^ (previous >> 8);
            }
        }

        return tables;
    }
}
