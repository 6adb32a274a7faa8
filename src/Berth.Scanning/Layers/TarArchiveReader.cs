using System.Buffers;
using System.Text;

namespace Berth.Scanning.Layers;

/// <summary>
/// A forward-only tar reader (POSIX ustar, PAX, GNU long names, base-256 sizes) for layers of any size. Written here
/// rather than using System.Formats.Tar because that reader loads PAX and GNU long-name records into memory whatever
/// their declared size; this one caps them, so a hostile header cannot allocate gigabytes.
/// Damage is reported as <see cref="LayerWalkException"/>, which the walker turns into a failure value.
/// </summary>
internal sealed class TarArchiveReader
{
    private const int BlockSize = 512;

    /// <summary>Largest PAX or GNU long-name record accepted; real ones are a few hundred bytes.</summary>
    private const int MaxMetadataBytes = 1024 * 1024;

    private readonly byte[] _header = new byte[BlockSize];
    private readonly Stream _archive;
    private readonly TarEntryContent _content;
    private string _currentName = "";
    private long _remaining;
    private long _padding;

    public TarArchiveReader(Stream archive)
    {
        _archive = archive;
        _content = new TarEntryContent(this);
    }

    /// <summary>True when the data ended at a header boundary without the two zero blocks that close an archive.</summary>
    public bool EndedWithoutMarker { get; private set; }

    /// <returns>The next entry, or null at the end of the archive.</returns>
    public async ValueTask<TarEntry?> NextAsync(CancellationToken cancellationToken)
    {
        await SkipAsync(_remaining + _padding, cancellationToken);
        _remaining = 0;
        _padding = 0;

        string? paxPath = null, paxLinkPath = null, longName = null, longLink = null;
        long? paxSize = null;
        while (true)
        {
            var read = await ReadBlockAsync(_header, cancellationToken);
            if (read == 0)
            {
                EndedWithoutMarker = true;
                return null;
            }
            if (read < BlockSize)
                throw new LayerWalkException(LayerFailureKind.TruncatedArchive, $"the layer ends inside a tar header ({read} of {BlockSize} bytes)");
            if (_header.AsSpan().IndexOfAnyExcept((byte)0) < 0) return null;

            VerifyChecksum();
            var typeFlag = (char)_header[156];
            var size = ReadNumber(124, 12, "size");
            switch (typeFlag)
            {
                case 'x':
                    foreach (var (key, value) in ParsePax(await ReadMetadataAsync(size, "PAX header", cancellationToken)))
                    {
                        if (key == "path") paxPath = value;
                        else if (key == "linkpath") paxLinkPath = value;
                        else if (key == "size") paxSize = long.TryParse(value, out var s) && s >= 0 ? s
                            : throw new LayerWalkException(LayerFailureKind.CorruptArchive, $"PAX size '{value}' is not a size");
                    }
                    continue;
                case 'g':
                    // Global PAX records carry defaults (usually comments or mtime); nothing the walker needs.
                    await ReadMetadataAsync(size, "global PAX header", cancellationToken);
                    continue;
                case 'L':
                    longName = CString(await ReadMetadataAsync(size, "GNU long name", cancellationToken));
                    continue;
                case 'K':
                    longLink = CString(await ReadMetadataAsync(size, "GNU long link name", cancellationToken));
                    continue;
            }

            var name = paxPath ?? longName ?? HeaderName();
            var linkName = paxLinkPath ?? longLink ?? CString(_header.AsSpan(157, 100));
            if (paxSize is { } declared) size = declared;
            var kind = Classify(typeFlag, name);
            // As Go's archive/tar (which builds most layers): link, device, directory and FIFO headers carry no data.
            if (kind is TarEntryKind.Directory or TarEntryKind.SymbolicLink or TarEntryKind.HardLink
                || typeFlag is '3' or '4' or '6') size = 0;
            _currentName = name;
            _remaining = size;
            _padding = (BlockSize - size % BlockSize) % BlockSize;
            return new TarEntry(name, kind, typeFlag, size, linkName, _content);
        }
    }

    public int ReadContent(Span<byte> buffer)
    {
        if (_remaining == 0 || buffer.IsEmpty) return 0;
        var n = _archive.Read(buffer[..(int)Math.Min(buffer.Length, _remaining)]);
        return Consumed(n);
    }

    public async ValueTask<int> ReadContentAsync(Memory<byte> buffer, CancellationToken cancellationToken)
    {
        if (_remaining == 0 || buffer.IsEmpty) return 0;
        var n = await _archive.ReadAsync(buffer[..(int)Math.Min(buffer.Length, _remaining)], cancellationToken);
        return Consumed(n);
    }

    private int Consumed(int n)
    {
        if (n == 0)
            throw new LayerWalkException(LayerFailureKind.TruncatedArchive, $"the layer ends inside the content of '{_currentName}' ({_remaining} bytes missing)");
        _remaining -= n;
        return n;
    }

    private async ValueTask SkipAsync(long count, CancellationToken cancellationToken)
    {
        if (count == 0) return;
        var buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
        try
        {
            while (count > 0)
            {
                var n = await _archive.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, count)), cancellationToken);
                if (n == 0)
                    throw new LayerWalkException(LayerFailureKind.TruncatedArchive, $"the layer ends inside the content of '{_currentName}' ({count} bytes missing)");
                count -= n;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private async ValueTask<int> ReadBlockAsync(byte[] block, CancellationToken cancellationToken)
    {
        var total = 0;
        while (total < block.Length)
        {
            var n = await _archive.ReadAsync(block.AsMemory(total), cancellationToken);
            if (n == 0) break;
            total += n;
        }
        return total;
    }

    private async ValueTask<byte[]> ReadMetadataAsync(long size, string what, CancellationToken cancellationToken)
    {
        if (size > MaxMetadataBytes)
            throw new LayerWalkException(LayerFailureKind.CorruptArchive, $"a {what} of {size} bytes is larger than the {MaxMetadataBytes} bytes accepted");
        var data = new byte[size];
        var total = 0;
        while (total < data.Length)
        {
            var n = await _archive.ReadAsync(data.AsMemory(total), cancellationToken);
            if (n == 0) throw new LayerWalkException(LayerFailureKind.TruncatedArchive, $"the layer ends inside a {what}");
            total += n;
        }
        _currentName = what;
        await SkipAsync((BlockSize - size % BlockSize) % BlockSize, cancellationToken);
        return data;
    }

    private void VerifyChecksum()
    {
        var stored = ReadNumber(148, 8, "checksum");
        long unsigned = 0, signed = 0;
        for (var i = 0; i < BlockSize; i++)
        {
            var b = i is >= 148 and < 156 ? (byte)' ' : _header[i];
            unsigned += b;
            signed += (sbyte)b;
        }
        // Some old tar writers summed signed bytes; both are accepted as GNU tar does.
        if (stored != unsigned && stored != signed)
            throw new LayerWalkException(LayerFailureKind.CorruptArchive, $"tar header checksum {stored} does not match the header ({unsigned}) after entry '{_currentName}'");
    }

    private long ReadNumber(int offset, int length, string field)
    {
        var span = _header.AsSpan(offset, length);
        if ((span[0] & 0x80) != 0)
        {
            // GNU base-256: big-endian two's complement; negative or over 63 bits is not a size.
            if (span[0] == 0xFF) throw new LayerWalkException(LayerFailureKind.CorruptArchive, $"tar {field} field is negative");
            long value = span[0] & 0x7F;
            for (var i = 1; i < span.Length; i++)
            {
                if (value > (long.MaxValue >> 8)) throw new LayerWalkException(LayerFailureKind.CorruptArchive, $"tar {field} field overflows");
                value = (value << 8) | span[i];
            }
            return value;
        }
        long result = 0;
        var i0 = 0;
        while (i0 < span.Length && span[i0] == ' ') i0++;
        for (var i = i0; i < span.Length; i++)
        {
            var c = span[i];
            if (c is 0 or (byte)' ') break;
            if (c is < (byte)'0' or > (byte)'7' || result > (long.MaxValue >> 3))
                throw new LayerWalkException(LayerFailureKind.CorruptArchive, $"tar {field} field '{Encoding.ASCII.GetString(span).TrimEnd('\0')}' is not an octal number (after entry '{_currentName}')");
            result = (result << 3) | (uint)(c - '0');
        }
        return result;
    }

    private string HeaderName()
    {
        var name = CString(_header.AsSpan(0, 100));
        // POSIX ustar ("ustar\0") splits long names into prefix + name; GNU ("ustar  ") uses those bytes for other fields.
        if (_header.AsSpan(257, 6).SequenceEqual("ustar\0"u8))
        {
            var prefix = CString(_header.AsSpan(345, 155));
            if (prefix.Length > 0) return prefix + "/" + name;
        }
        return name;
    }

    private static TarEntryKind Classify(char typeFlag, string name) => typeFlag switch
    {
        '0' or '7' => TarEntryKind.RegularFile,
        '\0' => name.EndsWith('/') ? TarEntryKind.Directory : TarEntryKind.RegularFile,
        '1' => TarEntryKind.HardLink,
        '2' => TarEntryKind.SymbolicLink,
        '5' => TarEntryKind.Directory,
        _ => TarEntryKind.Other,
    };

    private static string CString(ReadOnlySpan<byte> bytes)
    {
        var end = bytes.IndexOf((byte)0);
        return Encoding.UTF8.GetString(end < 0 ? bytes : bytes[..end]);
    }

    private static List<(string Key, string Value)> ParsePax(byte[] data)
    {
        var records = new List<(string, string)>();
        var position = 0;
        while (position < data.Length)
        {
            var space = Array.IndexOf(data, (byte)' ', position);
            if (space < 0 || !int.TryParse(data.AsSpan(position, space - position), out var length) || length <= space - position
                || position + length > data.Length || data[position + length - 1] != '\n')
                throw new LayerWalkException(LayerFailureKind.CorruptArchive, "a PAX header record is malformed");
            var record = Encoding.UTF8.GetString(data, space + 1, position + length - space - 2);
            var equals = record.IndexOf('=');
            if (equals <= 0) throw new LayerWalkException(LayerFailureKind.CorruptArchive, $"PAX record '{record}' has no key");
            records.Add((record[..equals], record[(equals + 1)..]));
            position += length;
        }
        return records;
    }
}
