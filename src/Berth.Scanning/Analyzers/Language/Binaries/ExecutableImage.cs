using System.Buffers.Binary;
using System.Text;

namespace Berth.Scanning.Analyzers.Language.Binaries;

/// <summary>
/// The layout of an ELF, Mach-O (thin) or PE executable held in a <see cref="ScratchFile"/>: its named
/// sections and its loadable segments, read from the headers with every count and offset bounds-checked,
/// so a truncated or hostile header yields an image with fewer (or no) sections rather than an exception.
/// </summary>
public sealed class ExecutableImage
{
    // Real executables have dozens of sections; thousands means a corrupt or hostile header.
    private const int MaxTableEntries = 4096;
    private const int MaxNameTableBytes = 1 << 20;

    private readonly ScratchFile _file;

    private ExecutableImage(ScratchFile file, ExecutableKind kind, bool bigEndian, List<ExecutableSection> sections,
        List<ExecutableSection> segments, ExecutableSection? writableData)
    {
        _file = file;
        Kind = kind;
        BigEndian = bigEndian;
        Sections = sections;
        Segments = segments;
        WritableData = writableData;
    }

    public ExecutableKind Kind { get; }

    public bool BigEndian { get; }

    public long Length => _file.Length;

    public IReadOnlyList<ExecutableSection> Sections { get; }

    /// <summary>Loadable segments mapping virtual addresses to file bytes.</summary>
    public IReadOnlyList<ExecutableSection> Segments { get; }

    /// <summary>
    /// ELF only: the first loadable segment that is writable and not executable, where Go's own reader
    /// (debug/buildinfo) looks for build info when there is no .go.buildinfo section.
    /// </summary>
    public ExecutableSection? WritableData { get; }

    /// <summary>The format the first bytes announce, or null for anything that is not an executable we read.</summary>
    public static ExecutableKind? Recognize(ReadOnlySpan<byte> head)
    {
        if (head.Length < 4) return null;
        if (head[0] == 0x7F && head[1] == 'E' && head[2] == 'L' && head[3] == 'F') return ExecutableKind.Elf;
        if (head[0] == 'M' && head[1] == 'Z') return ExecutableKind.Pe;
        var magic = BinaryPrimitives.ReadUInt32LittleEndian(head);
        // Thin Mach-O only: 0xCAFEBABE (universal binaries) is also the Java class-file magic.
        return magic is 0xFEEDFACE or 0xFEEDFACF or 0xCEFAEDFE or 0xCFFAEDFE ? ExecutableKind.MachO : null;
    }

    public static async Task<ExecutableImage> ReadAsync(ScratchFile file, ExecutableKind kind, CancellationToken cancellationToken)
    {
        var sections = new List<ExecutableSection>();
        var segments = new List<ExecutableSection>();
        var head = new byte[4096];
        var length = await file.ReadAtAsync(0, head, cancellationToken);
        var reader = new HeaderReader(file, head.AsMemory(0, length), cancellationToken);
        var bigEndian = false;
        ExecutableSection? writableData = null;
        switch (kind)
        {
            case ExecutableKind.Elf:
                bigEndian = length > 5 && head[5] == 2;
                writableData = await ReadElfAsync(reader, bigEndian, sections, segments);
                break;
            case ExecutableKind.MachO:
                bigEndian = head[0] == 0xFE;
                await ReadMachOAsync(reader, bigEndian, sections, segments);
                break;
            case ExecutableKind.Pe:
                await ReadPeAsync(reader, sections, segments);
                break;
        }
        return new ExecutableImage(file, kind, bigEndian, sections, segments, writableData);
    }

    /// <summary>Bytes at a file offset; shorter than asked only at the end of the file.</summary>
    public async ValueTask<byte[]> ReadAsync(long offset, int count, CancellationToken cancellationToken)
    {
        var buffer = new byte[Math.Max(0, (int)Math.Min(count, Math.Max(0, Length - offset)))];
        var read = await _file.ReadAtAsync(offset, buffer, cancellationToken);
        return read == buffer.Length ? buffer : buffer[..read];
    }

    /// <summary>Bytes at a virtual address, or null when no segment maps all of them.</summary>
    public async ValueTask<byte[]?> ReadVirtualAsync(ulong address, int count, CancellationToken cancellationToken)
    {
        foreach (var segment in Segments)
        {
            if (address < segment.Address || address - segment.Address >= (ulong)segment.FileSize) continue;
            var within = (long)(address - segment.Address);
            if (segment.FileSize - within < count) return null;
            var bytes = await ReadAsync(segment.FileOffset + within, count, cancellationToken);
            return bytes.Length == count ? bytes : null;
        }
        return null;
    }

    /// <returns>The first writable, non-executable loadable segment, if any.</returns>
    private static async Task<ExecutableSection?> ReadElfAsync(HeaderReader r, bool be, List<ExecutableSection> sections, List<ExecutableSection> segments)
    {
        ExecutableSection? writableData = null;
        var is64 = r.Byte(4) == 2;
        var phoff = is64 ? r.U64(0x20, be) : r.U32(0x1C, be);
        var shoff = is64 ? r.U64(0x28, be) : r.U32(0x20, be);
        int phentsize = r.U16(is64 ? 0x36 : 0x2A, be), phnum = r.U16(is64 ? 0x38 : 0x2C, be);
        int shentsize = r.U16(is64 ? 0x3A : 0x2E, be), shnum = r.U16(is64 ? 0x3C : 0x30, be);
        int shstrndx = r.U16(is64 ? 0x3E : 0x32, be);

        if (phnum is > 0 and <= MaxTableEntries && phentsize >= (is64 ? 56 : 32))
        {
            var table = await r.TableAsync(phoff, phentsize * phnum);
            for (var i = 0; i < phnum && table.Length >= (i + 1) * phentsize; i++)
            {
                var p = new HeaderReader(table.AsMemory(i * phentsize, phentsize));
                if (p.U32(0, be) != 1) continue; // PT_LOAD
                var segment = is64
                    ? new ExecutableSection("", p.U64(16, be), (long)p.U64(8, be), (long)p.U64(32, be))
                    : new ExecutableSection("", p.U32(8, be), p.U32(4, be), p.U32(16, be));
                segments.Add(segment);
                var flags = p.U32(is64 ? 4 : 24, be);
                if (writableData is null && (flags & 3) == 2) writableData = segment; // PF_W without PF_X
            }
        }

        if (shnum is 0 or > MaxTableEntries || shentsize < (is64 ? 64 : 40) || shstrndx >= shnum) return writableData;
        var headers = await r.TableAsync(shoff, shentsize * shnum);
        if (headers.Length < shentsize * shnum) return writableData;

        var entries = new List<(uint Name, uint Type, ulong Address, ulong Offset, ulong Size)>();
        for (var i = 0; i < shnum; i++)
        {
            var s = new HeaderReader(headers.AsMemory(i * shentsize, shentsize));
            entries.Add(is64
                ? (s.U32(0, be), s.U32(4, be), s.U64(16, be), s.U64(24, be), s.U64(32, be))
                : (s.U32(0, be), s.U32(4, be), s.U32(12, be), s.U32(16, be), s.U32(20, be)));
        }
        var names = await r.TableAsync(entries[shstrndx].Offset, (int)Math.Min(entries[shstrndx].Size, MaxNameTableBytes));
        foreach (var e in entries)
        {
            if (e.Type == 8 /* SHT_NOBITS */ || e.Size == 0 || e.Offset > long.MaxValue || e.Size > long.MaxValue) continue;
            sections.Add(new ExecutableSection(CString(names, e.Name), e.Address, (long)e.Offset, (long)e.Size));
        }
        return writableData;
    }

    private static async Task ReadMachOAsync(HeaderReader r, bool be, List<ExecutableSection> sections, List<ExecutableSection> segments)
    {
        var is64 = (r.U32(0, be) & 1) == 1; // 0xFEEDFACF
        var ncmds = r.U32(16, be);
        var sizeofcmds = r.U32(20, be);
        if (ncmds > MaxTableEntries || sizeofcmds > 16 * MaxTableEntries * 80) return;
        var commands = await r.TableAsync(is64 ? 32UL : 28UL, (int)sizeofcmds);
        var at = 0;
        for (var i = 0; i < ncmds && at + 8 <= commands.Length; i++)
        {
            var c = new HeaderReader(commands.AsMemory(at));
            var cmd = c.U32(0, be);
            var size = (int)Math.Min(c.U32(4, be), int.MaxValue);
            if (size < 8 || at + size > commands.Length) break;
            if (cmd is 0x19 or 0x1)
            {
                var wide = cmd == 0x19;
                var seg = new HeaderReader(commands.AsMemory(at, size));
                var headerSize = wide ? 72 : 56;
                var sectionSize = wide ? 80 : 68;
                if (size >= headerSize)
                {
                    var name = CString(commands.AsSpan(at + 8, 16), 0);
                    segments.Add(wide
                        ? new ExecutableSection(name, seg.U64(24, be), (long)Math.Min(seg.U64(40, be), long.MaxValue), (long)Math.Min(seg.U64(48, be), long.MaxValue))
                        : new ExecutableSection(name, seg.U32(24, be), seg.U32(32, be), seg.U32(36, be)));
                    var nsects = seg.U32(wide ? 64 : 48, be);
                    for (var s = 0; s < nsects && headerSize + (s + 1) * sectionSize <= size; s++)
                    {
                        var o = headerSize + s * sectionSize;
                        var sect = new HeaderReader(commands.AsMemory(at + o, sectionSize));
                        var sectName = CString(commands.AsSpan(at + o, 16), 0);
                        sections.Add(wide
                            ? new ExecutableSection(sectName, sect.U64(32, be), sect.U32(48, be), (long)Math.Min(sect.U64(40, be), long.MaxValue))
                            : new ExecutableSection(sectName, sect.U32(32, be), sect.U32(40, be), sect.U32(36, be)));
                    }
                }
            }
            at += size;
        }
    }

    private static async Task ReadPeAsync(HeaderReader r, List<ExecutableSection> sections, List<ExecutableSection> segments)
    {
        var pe = r.U32(0x3C, false);
        var header = await r.TableAsync(pe, 24 + 240);
        var h = new HeaderReader(header);
        if (header.Length < 24 || h.U32(0, false) != 0x00004550) return; // "PE\0\0"
        int count = h.U16(6, false), optionalSize = h.U16(20, false);
        if (count > MaxTableEntries || header.Length < 24 + Math.Min(optionalSize, 32)) return;
        var optionalMagic = h.U16(24, false);
        var imageBase = optionalMagic == 0x20B ? h.U64(24 + 24, false) : h.U32(24 + 28, false);
        var table = await r.TableAsync(pe + 24UL + (ulong)optionalSize, count * 40);
        for (var i = 0; i + 1 <= count && (i + 1) * 40 <= table.Length; i++)
        {
            var s = new HeaderReader(table.AsMemory(i * 40, 40));
            var section = new ExecutableSection(
                CString(table.AsSpan(i * 40, 8), 0), imageBase + s.U32(12, false), s.U32(20, false),
                Math.Min(s.U32(16, false), s.U32(8, false) == 0 ? uint.MaxValue : s.U32(8, false)));
            sections.Add(section);
            segments.Add(section);
        }
    }

    private static string CString(ReadOnlySpan<byte> table, uint offset)
    {
        if (offset >= table.Length) return "";
        var rest = table[(int)offset..];
        var end = rest.IndexOf((byte)0);
        return Encoding.ASCII.GetString(end < 0 ? rest : rest[..end]);
    }

    /// <summary>Bounds-checked little/big-endian reads over header bytes; out-of-range reads yield 0.</summary>
    private readonly struct HeaderReader(ScratchFile? file, ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
        public HeaderReader(ReadOnlyMemory<byte> bytes) : this(null, bytes, default) { }

        public byte Byte(int at) => at < bytes.Length ? bytes.Span[at] : (byte)0;

        public ushort U16(int at, bool be) => at + 2 <= bytes.Length
            ? be ? BinaryPrimitives.ReadUInt16BigEndian(bytes.Span[at..]) : BinaryPrimitives.ReadUInt16LittleEndian(bytes.Span[at..])
            : (ushort)0;

        public uint U32(int at, bool be) => at + 4 <= bytes.Length
            ? be ? BinaryPrimitives.ReadUInt32BigEndian(bytes.Span[at..]) : BinaryPrimitives.ReadUInt32LittleEndian(bytes.Span[at..])
            : 0;

        public ulong U64(int at, bool be) => at + 8 <= bytes.Length
            ? be ? BinaryPrimitives.ReadUInt64BigEndian(bytes.Span[at..]) : BinaryPrimitives.ReadUInt64LittleEndian(bytes.Span[at..])
            : 0;

        /// <summary>A table elsewhere in the file; empty when it lies outside it.</summary>
        public async Task<byte[]> TableAsync(ulong offset, int size)
        {
            if (file is null || size <= 0 || offset >= (ulong)file.Length) return [];
            var buffer = new byte[(int)Math.Min(size, file.Length - (long)offset)];
            var read = await file.ReadAtAsync((long)offset, buffer, cancellationToken);
            return read == buffer.Length ? buffer : buffer[..read];
        }
    }
}
