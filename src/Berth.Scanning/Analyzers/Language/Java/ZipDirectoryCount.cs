using System.Buffers.Binary;

namespace Berth.Scanning.Analyzers.Language.Java;

/// <summary>
/// The entry count a zip's end-of-central-directory record declares, read before the zip is opened: the
/// runtime's ZipArchive loads every central-directory entry into memory, so a hostile archive with millions
/// of entries must be refused first.
/// </summary>
public static class ZipDirectoryCount
{
    private const int EndRecordSize = 22;
    private const int MaxCommentBytes = 65535;

    /// <summary>The declared number of entries, or null when no end record is found (not a zip).</summary>
    public static async Task<long?> ReadAsync(ScratchFile file, CancellationToken cancellationToken)
    {
        var tailLength = (int)Math.Min(file.Length, EndRecordSize + MaxCommentBytes + 20);
        var tail = new byte[tailLength];
        var tailStart = file.Length - tailLength;
        if (await file.ReadAtAsync(tailStart, tail, cancellationToken) != tailLength) return null;

        for (var at = tailLength - EndRecordSize; at >= 0; at--)
        {
            if (BinaryPrimitives.ReadUInt32LittleEndian(tail.AsSpan(at)) != 0x06054B50) continue;
            long count = BinaryPrimitives.ReadUInt16LittleEndian(tail.AsSpan(at + 10));
            if (count != 0xFFFF || at < 20) return count;
            // Zip64: the locator just before the end record points at the 64-bit end record.
            if (BinaryPrimitives.ReadUInt32LittleEndian(tail.AsSpan(at - 20)) != 0x07064B50) return count;
            var zip64End = BinaryPrimitives.ReadInt64LittleEndian(tail.AsSpan(at - 20 + 8));
            var record = new byte[40];
            if (zip64End < 0 || await file.ReadAtAsync(zip64End, record, cancellationToken) != record.Length
                || BinaryPrimitives.ReadUInt32LittleEndian(record) != 0x06064B50)
                return null;
            return BinaryPrimitives.ReadInt64LittleEndian(record.AsSpan(32));
        }
        return null;
    }
}
