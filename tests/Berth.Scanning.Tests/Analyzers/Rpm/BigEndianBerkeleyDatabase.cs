using System.Buffers.Binary;

namespace Berth.Scanning.Tests.Analyzers.Rpm;

/// <summary>
/// Rewrites a little-endian BerkeleyDB hash file as a big-endian machine (s390x, old PowerPC) would have
/// written it: BerkeleyDB stores its own integers in the writer's byte order. The rpm headers inside are
/// big-endian on every machine and stay as they are.
/// </summary>
public static class BigEndianBerkeleyDatabase
{
    public static byte[] FromLittleEndian(byte[] littleEndian)
    {
        var bytes = (byte[])littleEndian.Clone();
        foreach (var offset in new[] { 12, 16, 20, 28, 32 }) Swap32(bytes, offset);
        var pageSize = BinaryPrimitives.ReadInt32LittleEndian(littleEndian.AsSpan(20));
        for (var start = pageSize; start + pageSize <= bytes.Length; start += pageSize)
        {
            var page = bytes.AsSpan(start, pageSize);
            int entries = BinaryPrimitives.ReadUInt16LittleEndian(page[20..]);
            if (page[25] is 2 or 13)
            {
                for (var i = 0; i < entries; i++)
                {
                    int item = BinaryPrimitives.ReadUInt16LittleEndian(page[(26 + 2 * i)..]);
                    if (page[item] == 3)
                    {
                        Swap32(bytes, start + item + 4);
                        Swap32(bytes, start + item + 8);
                    }
                    Swap16(bytes, start + 26 + 2 * i);
                }
            }
            foreach (var offset in new[] { 8, 12, 16 }) Swap32(bytes, start + offset);
            Swap16(bytes, start + 20);
            Swap16(bytes, start + 22);
        }
        return bytes;
    }

    private static void Swap32(byte[] bytes, int offset) =>
        BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(offset), BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(offset)));

    private static void Swap16(byte[] bytes, int offset) =>
        BinaryPrimitives.WriteUInt16BigEndian(bytes.AsSpan(offset), BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(offset)));
}
