using System.Buffers.Binary;

namespace Berth.Scanning.Tests.Analyzers.Rpm;

/// <summary>
/// Random bytes shaped just enough like each format that a reader goes past its magic and follows random
/// offsets, counts, page pointers and lengths deep into the file.
/// </summary>
public static class RandomRpmDatabase
{
    private const int Size = 64 * 1024;
    private const int PageSize = 4096;

    public static byte[] Sqlite(Random random)
    {
        var bytes = Noise(random);
        "SQLite format 3\0"u8.CopyTo(bytes);
        return bytes;
    }

    public static byte[] Ndb(Random random)
    {
        var bytes = Noise(random);
        "RpmP"u8.CopyTo(bytes);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(4), 0);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(12), 2);
        const int blocks = Size / 16;
        for (var slot = 2; slot < 2 * PageSize / 16; slot++)
        {
            var at = bytes.AsSpan(slot * 16, 16);
            "Slot"u8.CopyTo(at);
            var packageIndex = (uint)random.Next(0, 4);
            var blockOffset = random.Next(2 * PageSize / 16 - 8, blocks + 8);
            var blockCount = random.Next(0, 300);
            BinaryPrimitives.WriteUInt32LittleEndian(at[4..], packageIndex);
            BinaryPrimitives.WriteUInt32LittleEndian(at[8..], (uint)blockOffset);
            BinaryPrimitives.WriteUInt32LittleEndian(at[12..], (uint)blockCount);
            // Often a blob header, sometimes with a consistent tail, so random header blobs get parsed too.
            if (random.Next(3) == 0 || blockOffset + blockCount > blocks || blockCount < 2) continue;
            var blob = bytes.AsSpan(blockOffset * 16, blockCount * 16);
            var length = (uint)random.Next(0, blob.Length - 28 + 64);
            "BlbS"u8.CopyTo(blob);
            BinaryPrimitives.WriteUInt32LittleEndian(blob[4..], packageIndex);
            BinaryPrimitives.WriteUInt32LittleEndian(blob[12..], length);
            BinaryPrimitives.WriteUInt32LittleEndian(blob[^8..], length);
            "BlbE"u8.CopyTo(blob[^4..]);
            // A header preamble with small counts, so its random index entries are read.
            if (blob.Length >= 24)
            {
                BinaryPrimitives.WriteInt32BigEndian(blob[16..], random.Next(1, 20));
                BinaryPrimitives.WriteInt32BigEndian(blob[20..], random.Next(0, 400));
            }
        }
        return bytes;
    }

    public static byte[] Berkeley(Random random)
    {
        var bytes = Noise(random);
        const int pages = Size / PageSize;
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(12), 0x00061561);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(20), PageSize);
        bytes[24] = 0;
        bytes[25] = 8;
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(32), pages - 1);
        for (var number = 1; number < pages; number++)
        {
            var page = bytes.AsSpan(number * PageSize, PageSize);
            if (random.Next(2) == 0)
            {
                // An overflow page leading to a random page: chains wander, meet and loop.
                page[25] = 7;
                BinaryPrimitives.WriteUInt32LittleEndian(page[16..], (uint)random.Next(0, pages + 2));
                BinaryPrimitives.WriteUInt16LittleEndian(page[22..], (ushort)random.Next(0, PageSize));
                continue;
            }

            page[25] = 13;
            var entries = random.Next(0, 40);
            BinaryPrimitives.WriteUInt16LittleEndian(page[20..], (ushort)entries);
            var offset = PageSize;
            for (var i = 0; i < entries; i++)
            {
                // Mostly well-ordered items, sometimes an out-of-place offset.
                offset = random.Next(10) == 0 ? random.Next(0, PageSize) : Math.Max(26 + 2 * entries, offset - random.Next(1, 40));
                BinaryPrimitives.WriteUInt16LittleEndian(page[(26 + 2 * i)..], (ushort)offset);
                if (offset + 12 > PageSize) continue;
                var item = page[offset..];
                item[0] = (byte)(i % 2 == 0 ? 1 : random.Next(4) == 0 ? 1 : 3);
                if (item[0] != 3) continue;
                BinaryPrimitives.WriteUInt32LittleEndian(item[4..], (uint)random.Next(0, pages + 2));
                BinaryPrimitives.WriteUInt32LittleEndian(item[8..], (uint)random.Next(0, 3 * PageSize));
            }
        }
        return bytes;
    }

    private static byte[] Noise(Random random)
    {
        var bytes = new byte[Size];
        random.NextBytes(bytes);
        return bytes;
    }
}
