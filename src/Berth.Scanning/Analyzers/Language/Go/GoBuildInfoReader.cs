using System.Buffers.Binary;
using System.Text;
using Berth.Scanning.Analyzers.Language.Binaries;

namespace Berth.Scanning.Analyzers.Language.Go;

/// <summary>
/// Finds and decodes the build information the Go linker embeds (what <c>go version -m</c> prints). It sits
/// behind the 14-byte magic <c>"\xff Go buildinf:"</c> at a 16-byte boundary of the data section, in a
/// 32-byte header: byte 14 = pointer size, byte 15 = flags. Go 1.18+ sets flag bit 2 and writes the Go
/// version and the module info inline after the header as uvarint-length-prefixed strings; older
/// toolchains write two pointers (at 16 and 16+ptrSize) to Go string headers {data pointer, length},
/// with flag bit 1 meaning big-endian, which need the segment table to resolve.
/// </summary>
public static class GoBuildInfoReader
{
    private const int HeaderSize = 32;
    private const int Alignment = 16;
    private const int MaxCandidates = 16;

    /// <summary>Module info of a real program is kilobytes; this bounds what a forged length can make us read.</summary>
    private const int MaxStringBytes = 16 << 20;

    private static readonly byte[] Magic = [0xFF, .. " Go buildinf:"u8];

    /// <summary>
    /// The build info, or null when there is none (not a Go binary) or it cannot be decoded; the latter is
    /// reported through <paramref name="warn"/>.
    /// </summary>
    public static async Task<GoBuildInfo?> ReadAsync(ExecutableImage image, Action<string> warn, CancellationToken cancellationToken)
    {
        var (start, length) = SearchRegion(image);
        var candidates = await FindMagicAsync(image, start, length, cancellationToken);
        if (candidates.Count == 0) return null;

        string? problem = null;
        foreach (var offset in candidates)
        {
            var header = await image.ReadAsync(offset, HeaderSize, cancellationToken);
            if (header.Length < HeaderSize)
            {
                problem = "the build info header is cut off by the end of the file";
                continue;
            }
            var (info, error) = (header[15] & 2) != 0
                ? await ReadInlineAsync(image, offset + HeaderSize, cancellationToken)
                : await ReadPointersAsync(image, header, cancellationToken);
            if (info is { GoVersion.Length: > 0 }) return info;
            if (info is not null) error = "the Go version string is empty";
            problem = error;
        }
        warn($"Go build info found but unreadable: {problem}");
        return null;
    }

    /// <summary>
    /// Where the magic can be: the build info section; else, in an ELF whose section table was read (so the linker
    /// would have named the section), the writable data segment, as Go's own reader looks; else the whole file
    /// (section headers stripped or cut off). Searching every byte of every non-Go program in an image would read
    /// each one twice.
    /// </summary>
    private static (long Start, long Length) SearchRegion(ExecutableImage image)
    {
        var section = image.Sections.FirstOrDefault(s => s.Name is ".go.buildinfo" or "__go_buildinfo");
        if (section.FileSize > 0) return (section.FileOffset, section.FileSize);
        if (image.Kind == ExecutableKind.Elf && image.Sections.Count > 0)
            return image.WritableData is { } data ? (data.FileOffset, data.FileSize) : (0, 0);
        return (0, image.Length);
    }

    private static async Task<List<long>> FindMagicAsync(ExecutableImage image, long start, long length, CancellationToken cancellationToken)
    {
        var found = new List<long>();
        const int chunk = 1 << 20;
        var end = Math.Min(image.Length, start + length);
        for (var at = start; at < end && found.Count < MaxCandidates; at += chunk)
        {
            // Overlap chunks so a magic straddling a boundary is seen once, in the later chunk.
            var bytes = await image.ReadAsync(at, (int)Math.Min(chunk + Magic.Length - 1, end - at), cancellationToken);
            var span = bytes.AsSpan();
            for (var from = 0; from < span.Length && found.Count < MaxCandidates;)
            {
                var hit = span[from..].IndexOf(Magic);
                if (hit < 0) break;
                var offset = at + from + hit;
                if ((offset - start) % Alignment == 0 && from + hit < chunk) found.Add(offset);
                from += hit + 1;
            }
        }
        return found;
    }

    private static async Task<(GoBuildInfo?, string?)> ReadInlineAsync(ExecutableImage image, long offset, CancellationToken cancellationToken)
    {
        var (version, next) = await ReadVarintStringAsync(image, offset, cancellationToken);
        if (version is null) return (null, "the Go version string runs past the end of the file or is implausibly long");
        var (modules, _) = await ReadVarintStringAsync(image, next, cancellationToken);
        if (modules is null) return (null, "the module info string runs past the end of the file or is implausibly long");
        return (new GoBuildInfo(Encoding.UTF8.GetString(version), StripSentinels(modules)), null);
    }

    private static async Task<(byte[]?, long)> ReadVarintStringAsync(ExecutableImage image, long offset, CancellationToken cancellationToken)
    {
        var prefix = await image.ReadAsync(offset, 10, cancellationToken);
        ulong length = 0;
        var shift = 0;
        var used = 0;
        while (true)
        {
            if (used >= prefix.Length || shift > 63) return (null, 0);
            var b = prefix[used++];
            length |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80) break;
            shift += 7;
        }
        if (length > MaxStringBytes || (long)length > image.Length - offset - used) return (null, 0);
        var bytes = await image.ReadAsync(offset + used, (int)length, cancellationToken);
        return bytes.Length == (int)length ? (bytes, offset + used + (long)length) : (null, 0);
    }

    private static async Task<(GoBuildInfo?, string?)> ReadPointersAsync(ExecutableImage image, byte[] header, CancellationToken cancellationToken)
    {
        int pointerSize = header[14];
        var bigEndian = header[15] != 0;
        if (pointerSize is not (4 or 8)) return (null, $"pointer size {pointerSize} is neither 4 nor 8");
        if (image.Segments.Count == 0) return (null, "pre-1.18 build info needs the executable's segment table, which could not be read");

        var version = await ReadGoStringAsync(image, Pointer(header.AsSpan(16), pointerSize, bigEndian), pointerSize, bigEndian, cancellationToken);
        var modules = await ReadGoStringAsync(image, Pointer(header.AsSpan(16 + pointerSize), pointerSize, bigEndian), pointerSize, bigEndian, cancellationToken);
        if (version is null || modules is null) return (null, "a build info pointer does not lead to mapped string data");
        return (new GoBuildInfo(Encoding.UTF8.GetString(version), StripSentinels(modules)), null);
    }

    private static async Task<byte[]?> ReadGoStringAsync(ExecutableImage image, ulong address, int pointerSize, bool bigEndian, CancellationToken cancellationToken)
    {
        var stringHeader = await image.ReadVirtualAsync(address, 2 * pointerSize, cancellationToken);
        if (stringHeader is null) return null;
        var data = Pointer(stringHeader, pointerSize, bigEndian);
        var length = Pointer(stringHeader.AsSpan(pointerSize), pointerSize, bigEndian);
        if (length > MaxStringBytes) return null;
        if (length == 0) return [];
        return await image.ReadVirtualAsync(data, (int)length, cancellationToken);
    }

    private static ulong Pointer(ReadOnlySpan<byte> bytes, int size, bool bigEndian) => size == 8
        ? bigEndian ? BinaryPrimitives.ReadUInt64BigEndian(bytes) : BinaryPrimitives.ReadUInt64LittleEndian(bytes)
        : bigEndian ? BinaryPrimitives.ReadUInt32BigEndian(bytes) : BinaryPrimitives.ReadUInt32LittleEndian(bytes);

    /// <summary>The linker wraps module info in 16-byte sentinels; without them the text is not module info.</summary>
    private static string StripSentinels(byte[] modules) =>
        modules.Length >= 33 && modules[^17] == '\n' ? Encoding.UTF8.GetString(modules, 16, modules.Length - 32) : "";
}
