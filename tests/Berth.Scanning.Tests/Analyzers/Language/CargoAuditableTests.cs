using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using Berth.Scanning.Analyzers.Language.Binaries;
using Berth.Scanning.Packages;

namespace Berth.Scanning.Tests.Analyzers.Language;

public class CargoAuditableTests
{
    [Fact]
    public async Task Runtime_crates_of_the_dep_v0_section_are_reported()
    {
        var json = """
            {"packages":[
              {"name":"myapp","version":"0.1.0","source":"local","root":true},
              {"name":"hyper","version":"0.14.9","source":"crates.io","kind":"runtime"},
              {"name":"serde","version":"1.0.130","source":"crates.io"},
              {"name":"cc","version":"1.0.70","source":"crates.io","kind":"build"}
            ]}
            """;
        var findings = await FixtureRun.BytesAsync(new ExecutableAnalyzer(), "usr/bin/myapp", ElfWithSection(".dep-v0", Deflate(json)));

        Assert.Empty(findings.Warnings);
        Assert.Equal(["hyper@0.14.9", "serde@1.0.130"], findings.Packages().Select(p => $"{p.Name}@{p.Version}").Order(StringComparer.Ordinal));
        Assert.All(findings.Packages(), p => Assert.Equal(Ecosystem.CratesIo, p.Ecosystem));
    }

    [Fact]
    public async Task A_dep_v0_section_that_is_not_zlib_is_a_warning()
    {
        var findings = await FixtureRun.BytesAsync(new ExecutableAnalyzer(), "usr/bin/myapp", ElfWithSection(".dep-v0", "not zlib at all"u8.ToArray()));

        Assert.Empty(findings.PackageSets);
        Assert.Contains("cargo-auditable", Assert.Single(findings.Warnings));
    }

    private static byte[] Deflate(string text)
    {
        using var buffer = new MemoryStream();
        using (var zlib = new ZLibStream(buffer, CompressionLevel.Optimal, leaveOpen: true))
            zlib.Write(Encoding.UTF8.GetBytes(text));
        return buffer.ToArray();
    }

    /// <summary>A minimal little-endian ELF64 with a section name table and one named section.</summary>
    private static byte[] ElfWithSection(string name, byte[] data)
    {
        byte[] names = [0, .. ".shstrtab"u8, 0, .. Encoding.ASCII.GetBytes(name), 0];
        var namesOffset = 64;
        var dataOffset = namesOffset + names.Length;
        var headersOffset = (dataOffset + data.Length + 7) / 8 * 8;
        var bytes = new byte[headersOffset + 3 * 64];
        ((ReadOnlySpan<byte>)[0x7F, (byte)'E', (byte)'L', (byte)'F', 2, 1, 1]).CopyTo(bytes);
        BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(0x28), (ulong)headersOffset);
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(0x3A), 64);
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(0x3C), 3);
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(0x3E), 1);
        names.CopyTo(bytes, namesOffset);
        data.CopyTo(bytes, dataOffset);
        Section(1, nameAt: 1, type: 3, namesOffset, names.Length);
        Section(2, nameAt: 11, type: 1, dataOffset, data.Length);
        return bytes;

        void Section(int index, uint nameAt, uint type, int offset, int size)
        {
            var header = bytes.AsSpan(headersOffset + index * 64, 64);
            BinaryPrimitives.WriteUInt32LittleEndian(header, nameAt);
            BinaryPrimitives.WriteUInt32LittleEndian(header[4..], type);
            BinaryPrimitives.WriteUInt64LittleEndian(header[24..], (ulong)offset);
            BinaryPrimitives.WriteUInt64LittleEndian(header[32..], (ulong)size);
        }
    }
}
