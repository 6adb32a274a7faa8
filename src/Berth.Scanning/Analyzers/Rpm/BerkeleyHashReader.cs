using System.Buffers.Binary;
using System.Collections;

namespace Berth.Scanning.Analyzers.Rpm;

/// <summary>
/// rpm's BerkeleyDB hash database (<c>Packages</c>, RHEL/CentOS up to 8, Amazon Linux 2). Page 0 is the
/// metadata page (magic 0x00061561 at offset 12, in the byte order of the machine that wrote it); every other
/// page starts with a 26-byte header <c>{lsn, pgno, prev, next, entries, hf_offset, level, type}</c>. Hash
/// pages (types 2 and 13) hold an index of item offsets, alternately key and data; rpm's keys are package
/// instance numbers and its data items are headers, almost always stored off-page as a chain of overflow
/// pages (type 7) whose hf_offset says how many bytes of the page are used.
/// </summary>
internal sealed class BerkeleyHashReader : IRpmHeaderBlobReader
{
    private const uint HashMagic = 0x00061561;
    private const int MetaMagicOffset = 12;
    private const int MetaPageSizeOffset = 20;
    private const int MetaEncryptionOffset = 24;
    private const int MetaTypeOffset = 25;
    private const int MetaLastPageOffset = 32;
    private const int MetaLength = 36;

    private const int PageHeaderSize = 26;
    private const int NextPageOffset = 16;
    private const int EntriesOffset = 20;
    private const int HfOffsetOffset = 22;
    private const int TypeOffset = 25;

    private const byte PageHashUnsorted = 2;
    private const byte PageOverflow = 7;
    private const byte PageHashMeta = 8;
    private const byte PageHash = 13;

    private const byte ItemKeyData = 1;
    private const byte ItemOffPage = 3;
    private const int OffPageItemLength = 12; // {type, 3 unused, pgno, total length}

    public static bool HasMagic(ReadOnlySpan<byte> head) =>
        BinaryPrimitives.ReadUInt32LittleEndian(head[MetaMagicOffset..]) == HashMagic
        || BinaryPrimitives.ReadUInt32BigEndian(head[MetaMagicOffset..]) == HashMagic;

    public async Task ReadAsync(TemporaryDatabaseCopy database, Action<byte[]> onHeader, DatabaseWarnings warnings, CancellationToken cancellationToken)
    {
        using var file = DatabaseFile.Open(database);
        var meta = new byte[MetaLength];
        if (!await file.ReadAsync(meta, 0, cancellationToken))
        {
            warnings.Warn("BerkeleyDB file is shorter than its metadata page");
            return;
        }

        var order = new ByteOrder(BinaryPrimitives.ReadUInt32BigEndian(meta.AsSpan(MetaMagicOffset)) == HashMagic);
        var pageSize = order.UInt32(meta, MetaPageSizeOffset);
        if (pageSize is < 512 or > 65536 || (pageSize & (pageSize - 1)) != 0)
        {
            warnings.Warn($"BerkeleyDB page size {pageSize} is not a power of two between 512 and 65536");
            return;
        }
        if (meta[MetaTypeOffset] != PageHashMeta)
        {
            warnings.Warn($"BerkeleyDB metadata page has type {meta[MetaTypeOffset]}, not a hash database (8)");
            return;
        }
        if (meta[MetaEncryptionOffset] != 0)
        {
            warnings.Warn("BerkeleyDB database is encrypted");
            return;
        }

        var declaredPages = (long)order.UInt32(meta, MetaLastPageOffset) + 1;
        var pageCount = Math.Min(declaredPages, file.Length / pageSize);
        if (declaredPages > pageCount)
            warnings.Warn($"BerkeleyDB declares {declaredPages} pages but the file holds {pageCount}; reading those");

        var scan = new Scan(file, (int)pageSize, pageCount, order, warnings);
        var page = new byte[pageSize];
        for (var pageNumber = 1L; pageNumber < pageCount; pageNumber++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!await file.ReadAsync(page, pageNumber * pageSize, cancellationToken)) return;
            if (page[TypeOffset] is PageHash or PageHashUnsorted)
                await scan.ReadHashPageAsync(page, pageNumber, onHeader, cancellationToken);
        }
    }

    private readonly record struct ByteOrder(bool BigEndian)
    {
        public uint UInt32(ReadOnlySpan<byte> bytes, int offset) => BigEndian
            ? BinaryPrimitives.ReadUInt32BigEndian(bytes[offset..])
            : BinaryPrimitives.ReadUInt32LittleEndian(bytes[offset..]);

        public ushort UInt16(ReadOnlySpan<byte> bytes, int offset) => BigEndian
            ? BinaryPrimitives.ReadUInt16BigEndian(bytes[offset..])
            : BinaryPrimitives.ReadUInt16LittleEndian(bytes[offset..]);
    }

    /// <summary>State of one pass over the pages.</summary>
    private sealed class Scan(DatabaseFile file, int pageSize, long pageCount, ByteOrder order, DatabaseWarnings warnings)
    {
        // Each overflow page belongs to one item, so a page reached twice is a cycle or a crafted share; either
        // way refusing it keeps the whole pass linear in the number of pages.
        private readonly BitArray _claimed = new((int)pageCount);
        private readonly byte[] _overflowPage = new byte[pageSize];

        public async Task ReadHashPageAsync(byte[] page, long pageNumber, Action<byte[]> onHeader, CancellationToken cancellationToken)
        {
            int entries = order.UInt16(page, EntriesOffset);
            var indexEnd = PageHeaderSize + 2 * entries;
            if (indexEnd > pageSize)
            {
                warnings.Warn($"BerkeleyDB page {pageNumber} claims {entries} entries, more than a {pageSize}-byte page holds");
                return;
            }

            for (var i = 0; i + 1 < entries; i += 2)
            {
                var key = Item(page, pageNumber, i, indexEnd);
                var data = Item(page, pageNumber, i + 1, indexEnd);
                if (key is not { } keyRange || data is not { } dataRange) continue;
                if (IsInstanceCounter(page.AsSpan(keyRange))) continue;

                var blob = page[dataRange.Start.Value] switch
                {
                    ItemKeyData => page[(dataRange.Start.Value + 1)..dataRange.End.Value],
                    ItemOffPage => await ReadOverflowAsync(page.AsMemory(dataRange), pageNumber, cancellationToken),
                    var type => Unsupported(type, pageNumber),
                };
                if (blob is not null) onHeader(blob);
            }
        }

        // rpm keeps its next instance number under key 0; that record is bookkeeping, not a package.
        private static bool IsInstanceCounter(ReadOnlySpan<byte> keyItem) =>
            keyItem.Length == 5 && keyItem[0] == ItemKeyData && !keyItem[1..].ContainsAnyExcept((byte)0);

        /// <summary>The bytes of item <paramref name="index"/>: items grow down from the page end, so each ends where the previous one starts.</summary>
        private Range? Item(byte[] page, long pageNumber, int index, int indexEnd)
        {
            int start = order.UInt16(page, PageHeaderSize + 2 * index);
            int end = index == 0 ? pageSize : order.UInt16(page, PageHeaderSize + 2 * (index - 1));
            if (start < indexEnd || end > pageSize || end <= start)
            {
                warnings.Warn($"BerkeleyDB page {pageNumber}: item {index} at {start}..{end} lies outside the page's item area");
                return null;
            }
            return start..end;
        }

        private byte[]? Unsupported(byte type, long pageNumber)
        {
            warnings.Warn($"BerkeleyDB page {pageNumber}: data item of type {type} is not used by rpm");
            return null;
        }

        private async Task<byte[]?> ReadOverflowAsync(ReadOnlyMemory<byte> item, long pageNumber, CancellationToken cancellationToken)
        {
            if (item.Length < OffPageItemLength)
            {
                warnings.Warn($"BerkeleyDB page {pageNumber}: off-page item of {item.Length} bytes is too short");
                return null;
            }
            long next = order.UInt32(item.Span, 4);
            long total = order.UInt32(item.Span, 8);
            var usable = pageSize - PageHeaderSize;
            if (total == 0 || total > pageCount * usable)
            {
                warnings.Warn($"BerkeleyDB page {pageNumber}: off-page item claims {total} bytes in a {file.Length}-byte file");
                return null;
            }

            var blob = new byte[total];
            var filled = 0;
            while (next != 0)
            {
                if (next >= pageCount)
                {
                    warnings.Warn($"BerkeleyDB overflow chain from page {pageNumber} points at page {next}, past the last page {pageCount - 1}");
                    return null;
                }
                if (_claimed[(int)next])
                {
                    warnings.Warn($"BerkeleyDB overflow chain from page {pageNumber} reaches page {next} a second time (a page cycle)");
                    return null;
                }
                _claimed[(int)next] = true;
                if (!await file.ReadAsync(_overflowPage, next * pageSize, cancellationToken)) return null;

                int used = order.UInt16(_overflowPage, HfOffsetOffset);
                if (_overflowPage[TypeOffset] != PageOverflow || used > usable || used > total - filled)
                {
                    warnings.Warn($"BerkeleyDB overflow chain from page {pageNumber}: page {next} is not an overflow page holding at most {total - filled} more bytes");
                    return null;
                }
                _overflowPage.AsSpan(PageHeaderSize, used).CopyTo(blob.AsSpan(filled));
                filled += used;
                next = order.UInt32(_overflowPage, NextPageOffset);
            }

            if (filled != total)
            {
                warnings.Warn($"BerkeleyDB overflow chain from page {pageNumber} ends after {filled} of {total} bytes");
                return null;
            }
            return blob;
        }
    }
}
