using System.Buffers.Binary;

namespace Berth.Scanning.Analyzers.Rpm;

/// <summary>
/// rpm's own "ndb" format (<c>Packages.db</c>, SUSE since 15.3). The file starts with slot pages: a 32-byte
/// header (<c>'RpmP'</c>, version 0, generation, slot page count) and then 16-byte slots <c>{'Slot', package
/// index, block offset, block count}</c>. A slot's blocks (16 bytes each) hold a blob: header <c>{'BlbS',
/// package index, generation, length}</c>, the RPM header, padding, and a 12-byte tail <c>{adler32, length,
/// 'BlbE'}</c> at the end of the blocks. All integers little-endian.
/// </summary>
internal sealed class NdbReader : IRpmHeaderBlobReader
{
    public const uint Magic = 'R' | 'p' << 8 | 'm' << 16 | 'P' << 24;

    private const uint SlotMagic = 'S' | 'l' << 8 | 'o' << 16 | 't' << 24;
    private const uint BlobMagic = 'B' | 'l' << 8 | 'b' << 16 | 'S' << 24;
    private const uint BlobTailMagic = 'B' | 'l' << 8 | 'b' << 16 | 'E' << 24;
    private const int SlotPageSize = 4096;
    private const int SlotSize = 16;
    private const int HeaderSlots = 2; // the 32-byte file header takes the first two slots of page 0
    private const int BlockSize = 16;
    private const int BlobHeaderSize = 16;
    private const int BlobTailSize = 12;

    public async Task ReadAsync(TemporaryDatabaseCopy database, Action<byte[]> onHeader, DatabaseWarnings warnings, CancellationToken cancellationToken)
    {
        using var file = DatabaseFile.Open(database);
        var page = new byte[SlotPageSize];
        if (!await file.ReadAsync(page.AsMemory(0, 32), 0, cancellationToken))
        {
            warnings.Warn("NDB file is shorter than its 32-byte header");
            return;
        }

        var version = BinaryPrimitives.ReadUInt32LittleEndian(page.AsSpan(4));
        if (version != 0)
        {
            warnings.Warn($"NDB version {version} is not supported (only 0)");
            return;
        }

        var slotPages = (long)BinaryPrimitives.ReadUInt32LittleEndian(page.AsSpan(12));
        var pagesInFile = file.Length / SlotPageSize;
        if (slotPages == 0)
        {
            warnings.Warn("NDB header declares no slot pages");
            return;
        }
        if (slotPages > pagesInFile)
        {
            warnings.Warn($"NDB header declares {slotPages} slot pages but the file holds {pagesInFile}; reading those");
            slotPages = pagesInFile;
        }
        var slotAreaEnd = slotPages * SlotPageSize;

        for (var pageNumber = 0L; pageNumber < slotPages; pageNumber++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!await file.ReadAsync(page, pageNumber * SlotPageSize, cancellationToken)) return;
            for (var slotIndex = pageNumber == 0 ? HeaderSlots : 0; slotIndex < SlotPageSize / SlotSize; slotIndex++)
            {
                var slot = page.AsSpan(slotIndex * SlotSize, SlotSize);
                if (BinaryPrimitives.ReadUInt32LittleEndian(slot) != SlotMagic)
                {
                    // rpm treats a broken slot as a broken index; nothing after it can be trusted.
                    warnings.Warn($"NDB slot {pageNumber * (SlotPageSize / SlotSize) + slotIndex} has no 'Slot' magic; stopped reading slots");
                    return;
                }

                var packageIndex = BinaryPrimitives.ReadUInt32LittleEndian(slot[4..]);
                if (packageIndex == 0) continue; // a free slot
                var blockOffset = BinaryPrimitives.ReadUInt32LittleEndian(slot[8..]);
                var blockCount = BinaryPrimitives.ReadUInt32LittleEndian(slot[12..]);
                var blob = await ReadBlobAsync(file, packageIndex, (long)blockOffset * BlockSize, (long)blockCount * BlockSize, slotAreaEnd, warnings, cancellationToken);
                if (blob is not null) onHeader(blob);
            }
        }
    }

    private static async Task<byte[]?> ReadBlobAsync(
        DatabaseFile file, uint packageIndex, long start, long size, long slotAreaEnd, DatabaseWarnings warnings, CancellationToken cancellationToken)
    {
        if (start < slotAreaEnd || size < BlobHeaderSize + BlobTailSize || !file.Contains(start, size))
        {
            warnings.Warn($"NDB package {packageIndex}: blocks at {start} (+{size} bytes) lie outside the blob area of the {file.Length}-byte file");
            return null;
        }

        var head = new byte[BlobHeaderSize];
        var tail = new byte[BlobTailSize];
        if (!await file.ReadAsync(head, start, cancellationToken) || !await file.ReadAsync(tail, start + size - BlobTailSize, cancellationToken))
            return null;

        var length = BinaryPrimitives.ReadUInt32LittleEndian(head.AsSpan(12));
        if (BinaryPrimitives.ReadUInt32LittleEndian(head) != BlobMagic || BinaryPrimitives.ReadUInt32LittleEndian(head.AsSpan(4)) != packageIndex)
        {
            warnings.Warn($"NDB package {packageIndex}: no blob for it at offset {start}");
            return null;
        }
        if (length > size - BlobHeaderSize - BlobTailSize
            || BinaryPrimitives.ReadUInt32LittleEndian(tail.AsSpan(4)) != length
            || BinaryPrimitives.ReadUInt32LittleEndian(tail.AsSpan(8)) != BlobTailMagic)
        {
            warnings.Warn($"NDB package {packageIndex}: blob length {length} does not fit its {size} bytes of blocks or its tail");
            return null;
        }

        var blob = new byte[length];
        return await file.ReadAsync(blob, start + BlobHeaderSize, cancellationToken) ? blob : null;
    }
}
