using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace Berth.Scanning.Analyzers.Rpm;

/// <summary>
/// An RPM header as every rpm database stores it: big-endian <c>il</c> (index entries) and <c>dl</c> (data
/// bytes), <c>il</c> 16-byte entries <c>{tag, type, offset, count}</c>, then the data store. Every offset and
/// count comes from the file, so each read is checked against the data store; a value that does not fit is
/// reported in <see cref="Problems"/> and read as absent.
/// </summary>
internal sealed class RpmHeader
{
    private const int EntrySize = 16;

    // rpm's own sanity bounds (header.c hdrchkTags/hdrchkData): more is corruption, not a package.
    private const int MaxEntries = 0x00ffffff;
    private const int MaxDataLength = 0x3fffffff;

    private const int TypeInt32 = 4;
    private const int TypeString = 6;
    private const int TypeStringArray = 8;
    private const int TypeI18nString = 9;

    private readonly byte[] _blob;
    private readonly int _dataStart;
    private readonly int _dataLength;
    private readonly Dictionary<int, IndexEntry> _entries;
    private readonly List<string> _problems = [];

    private RpmHeader(byte[] blob, int dataStart, int dataLength, Dictionary<int, IndexEntry> entries)
    {
        _blob = blob;
        _dataStart = dataStart;
        _dataLength = dataLength;
        _entries = entries;
    }

    /// <summary>What did not fit while values were read; empty for a sound header.</summary>
    public IReadOnlyList<string> Problems => _problems;

    /// <summary>The size of the data store, which bounds anything derived from this header.</summary>
    public int DataLength => _dataLength;

    public static bool TryParse(byte[] blob, [NotNullWhen(true)] out RpmHeader? header, [NotNullWhen(false)] out string? problem)
    {
        header = null;
        if (blob.Length < 8)
        {
            problem = $"header blob of {blob.Length} bytes is shorter than its 8-byte preamble";
            return false;
        }

        var indexCount = BinaryPrimitives.ReadInt32BigEndian(blob);
        var dataLength = BinaryPrimitives.ReadInt32BigEndian(blob.AsSpan(4));
        if (indexCount is < 1 or > MaxEntries || dataLength is < 0 or > MaxDataLength)
        {
            problem = $"header declares {indexCount} index entries and {dataLength} data bytes";
            return false;
        }

        var needed = 8L + (long)indexCount * EntrySize + dataLength;
        if (needed > blob.Length)
        {
            problem = $"header declares {indexCount} index entries and {dataLength} data bytes ({needed} bytes) but the blob has {blob.Length}";
            return false;
        }

        var entries = new Dictionary<int, IndexEntry>();
        for (var i = 0; i < indexCount; i++)
        {
            var entry = blob.AsSpan(8 + i * EntrySize, EntrySize);
            var tag = BinaryPrimitives.ReadInt32BigEndian(entry);
            var type = BinaryPrimitives.ReadInt32BigEndian(entry[4..]);
            var offset = BinaryPrimitives.ReadUInt32BigEndian(entry[8..]);
            var count = BinaryPrimitives.ReadUInt32BigEndian(entry[12..]);
            // Entries after the immutable region ("dribble" entries) replace region entries with the same
            // tag, as rpm's headerImport does, so the last occurrence wins.
            entries[tag] = new IndexEntry(type, offset, count);
        }

        header = new RpmHeader(blob, 8 + indexCount * EntrySize, dataLength, entries);
        problem = null;
        return true;
    }

    public bool Has(int tag) => _entries.ContainsKey(tag);

    /// <summary>A STRING, or the first element of a STRING_ARRAY/I18NSTRING; null when absent or unreadable.</summary>
    public string? String(int tag)
    {
        if (!_entries.TryGetValue(tag, out var entry)) return null;
        if (entry.Type is not (TypeString or TypeStringArray or TypeI18nString))
            return Problem<string>(tag, $"has type {entry.Type}, not a string");
        if (entry.Count < 1) return Problem<string>(tag, "has no value");
        var position = (long)entry.Offset;
        return ReadString(tag, ref position);
    }

    public IReadOnlyList<string>? StringArray(int tag)
    {
        if (!_entries.TryGetValue(tag, out var entry)) return null;
        if (entry.Type is not (TypeStringArray or TypeI18nString or TypeString))
            return Problem<IReadOnlyList<string>>(tag, $"has type {entry.Type}, not a string array");
        // Each string takes at least its terminating NUL, so a count beyond the data left is a lie.
        if (entry.Count > _dataLength - Math.Min(entry.Offset, (long)_dataLength))
            return Problem<IReadOnlyList<string>>(tag, $"claims {entry.Count} strings in {_dataLength} data bytes");

        var values = new List<string>((int)Math.Min(entry.Count, 4096));
        var position = (long)entry.Offset;
        for (var i = 0u; i < entry.Count; i++)
        {
            var value = ReadString(tag, ref position);
            if (value is null) return null;
            values.Add(value);
        }
        return values;
    }

    public uint? UInt32(int tag)
    {
        var values = ReadInt32Entry(tag, single: true);
        return values is null ? null : BinaryPrimitives.ReadUInt32BigEndian(values.Value.Span);
    }

    public uint[]? UInt32Array(int tag)
    {
        var values = ReadInt32Entry(tag, single: false);
        if (values is null) return null;
        var span = values.Value.Span;
        var result = new uint[span.Length / 4];
        for (var i = 0; i < result.Length; i++)
            result[i] = BinaryPrimitives.ReadUInt32BigEndian(span[(i * 4)..]);
        return result;
    }

    private ReadOnlyMemory<byte>? ReadInt32Entry(int tag, bool single)
    {
        if (!_entries.TryGetValue(tag, out var entry)) return null;
        if (entry.Type != TypeInt32) return Problem<ReadOnlyMemory<byte>?>(tag, $"has type {entry.Type}, not INT32");
        if (entry.Count < 1) return Problem<ReadOnlyMemory<byte>?>(tag, "has no value");
        var count = single ? 1L : entry.Count;
        if (entry.Offset + count * 4 > _dataLength)
            return Problem<ReadOnlyMemory<byte>?>(tag, $"claims {entry.Count} integers at offset {entry.Offset} beyond the {_dataLength} data bytes");
        return _blob.AsMemory(_dataStart + (int)entry.Offset, (int)count * 4);
    }

    private string? ReadString(int tag, ref long position)
    {
        if (position >= _dataLength)
            return Problem<string>(tag, $"points at offset {position} beyond the {_dataLength} data bytes");
        var rest = _blob.AsSpan(_dataStart + (int)position, _dataLength - (int)position);
        var end = rest.IndexOf((byte)0);
        if (end < 0) return Problem<string>(tag, "has a string without its terminating NUL");
        position += end + 1;
        return Encoding.UTF8.GetString(rest[..end]);
    }

    private T? Problem<T>(int tag, string message)
    {
        _problems.Add($"tag {tag} {message}");
        return default;
    }

    private readonly record struct IndexEntry(int Type, uint Offset, uint Count);
}
