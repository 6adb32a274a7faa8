using System.Text;
using Berth.Scanning.Analyzers.Language.Binaries;
using Berth.Scanning.Analyzers.Language.Go;
using Berth.Scanning.Packages;

namespace Berth.Scanning.Tests.Analyzers.Language;

public class GoBinaryTests
{
    private static readonly string Fixture = TestData.Path("packages", "go", "binary", "executable_gobinary");

    [Fact]
    public async Task Go_1_15_binary_yields_stdlib_and_its_three_dependencies_but_not_the_devel_main_module()
    {
        var findings = await FixtureRun.FileAsync(new ExecutableAnalyzer(), "usr/local/bin/app", Fixture);

        Assert.Empty(findings.Warnings);
        var set = Assert.Single(findings.PackageSets);
        Assert.Equal("usr/local/bin/app", set.FilePath);
        Assert.Equal(
            [
                "github.com/aquasecurity/go-pep440-version@v0.0.0-20210121094942-22b2f8951d46",
                "github.com/aquasecurity/go-version@v0.0.0-20210121072130-637058cfe492",
                "golang.org/x/xerrors@v0.0.0-20200804184101-5ec99f83aff1",
                "stdlib@1.15.2",
            ],
            set.Packages.Select(p => $"{p.Name}@{p.Version}").Order(StringComparer.Ordinal));
        Assert.All(set.Packages, p => Assert.Equal(Ecosystem.Go, p.Ecosystem));
        Assert.All(set.Packages, p => Assert.Equal("usr/local/bin/app", p.FilePath));
    }

    [Fact]
    public async Task Go_1_18_inline_build_info_yields_main_module_deps_and_replacements()
    {
        var modules = "path\texample.com/app\n"
            + "mod\texample.com/app\tv1.2.3\th1:aaa=\n"
            + "dep\tgolang.org/x/net\tv0.1.0\th1:bbb=\n"
            + "=>\tgolang.org/x/net\tv0.2.0\th1:ccc=\n"
            + "dep\texample.com/local\tv1.0.0\n"
            + "=>\t../local\t\t\n"
            + "build\t-compiler=gc\n";
        var findings = await FixtureRun.BytesAsync(new ExecutableAnalyzer(), "app", InlineBuildInfoElf("go1.22.5 X:boringcrypto", modules));

        Assert.Empty(findings.Warnings);
        Assert.Equal(
            ["example.com/app@v1.2.3", "golang.org/x/net@v0.2.0", "stdlib@1.22.5"],
            findings.Packages().Select(p => $"{p.Name}@{p.Version}").Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_real_binary_cut_right_after_its_build_info_header_is_a_warning()
    {
        var bytes = await File.ReadAllBytesAsync(Fixture);
        var magic = bytes.AsSpan().IndexOf(BuildInfoMagic);
        Assert.True(magic > 0);
        var findings = await FixtureRun.BytesAsync(new ExecutableAnalyzer(), "app", bytes[..(magic + 32)]);

        Assert.Empty(findings.Packages());
        Assert.Contains("Go build info found but unreadable", Assert.Single(findings.Warnings));
    }

    [Fact]
    public async Task Without_its_section_name_build_info_is_found_in_the_writable_data_segment_as_go_version_finds_it()
    {
        var bytes = await File.ReadAllBytesAsync(Fixture);
        RenameSection(bytes, ".go.buildinfo"u8, ".go.buildinfX"u8);

        var findings = await FixtureRun.BytesAsync(new ExecutableAnalyzer(), "usr/local/bin/app", bytes);

        Assert.Empty(findings.Warnings);
        Assert.Contains("stdlib@1.15.2", findings.Packages().Select(p => $"{p.Name}@{p.Version}"));
    }

    [Fact]
    public async Task An_elf_with_a_section_table_is_searched_only_where_go_puts_build_info_not_byte_by_byte()
    {
        // The magic is still in the file, but neither in a .go.buildinfo section nor in a writable data segment:
        // Go's reader would not find it, and reading every byte of every program in an image is what this avoids.
        var bytes = await File.ReadAllBytesAsync(Fixture);
        RenameSection(bytes, ".go.buildinfo"u8, ".go.buildinfX"u8);
        var programHeaders = (int)BitConverter.ToUInt64(bytes, 0x20);
        for (var i = 0; i < BitConverter.ToUInt16(bytes, 0x38); i++)
        {
            var header = programHeaders + i * 56;
            if (BitConverter.ToUInt32(bytes, header) == 1) bytes[header + 4] &= unchecked((byte)~2); // drop PF_W from PT_LOAD
        }

        var findings = await FixtureRun.BytesAsync(new ExecutableAnalyzer(), "usr/local/bin/app", bytes);

        Assert.True(bytes.AsSpan().IndexOf(BuildInfoMagic) > 0);
        Assert.Empty(findings.PackageSets);
        Assert.Empty(findings.Warnings);
    }

    private static void RenameSection(byte[] elf, ReadOnlySpan<byte> name, ReadOnlySpan<byte> replacement)
    {
        byte[] terminated = [.. name, 0];
        var at = elf.AsSpan().IndexOf(terminated);
        Assert.True(at > 0, "the section name is in the binary");
        replacement.CopyTo(elf.AsSpan(at));
    }

    [Fact]
    public async Task Garbage_after_the_magic_is_a_warning_not_an_exception()
    {
        var truncatedHeader = ElfWith([.. BuildInfoMagic, 8, 2, 1, 2, 3], tail: 0);
        var emptyVersion = ElfWith([.. BuildInfoMagic, 8, 2, .. new byte[16], 0, 0]);
        var hugeLength = ElfWith([.. BuildInfoMagic, 8, 2, .. new byte[16], 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x7F, .. "go"u8]);
        var badPointerSize = ElfWith([.. BuildInfoMagic, 3, 0, .. new byte[16]]);
        var unmappedPointers = ElfWith([.. BuildInfoMagic, 8, 0, .. Enumerable.Repeat((byte)0xEE, 16)]);

        foreach (var content in new[] { truncatedHeader, emptyVersion, hugeLength, badPointerSize, unmappedPointers })
        {
            var findings = await FixtureRun.BytesAsync(new ExecutableAnalyzer(), "bin/tool", content);
            Assert.Empty(findings.PackageSets);
            Assert.Single(findings.Warnings);
        }
    }

    [Fact]
    public async Task Files_that_are_not_executables_are_ignored_silently()
    {
        var script = Encoding.ASCII.GetBytes("#!/bin/sh\necho hello\n" + new string('#', 100));
        var findings = await FixtureRun.BytesAsync(new ExecutableAnalyzer(), "usr/bin/hello", script);
        var elfWithoutGo = await FixtureRun.BytesAsync(new ExecutableAnalyzer(), "usr/bin/c-program", ElfWith("plain C"u8.ToArray()));

        Assert.Empty(findings.PackageSets);
        Assert.Empty(findings.Warnings);
        Assert.Empty(elfWithoutGo.PackageSets);
        Assert.Empty(elfWithoutGo.Warnings);
    }

    [Fact]
    public async Task An_executable_over_the_size_limit_is_refused_with_a_warning()
    {
        var limits = new Berth.Scanning.Layers.ScanLimits { MaxAnalyzedFileBytes = 1 << 20 };
        var findings = await FixtureRun.BytesAsync(new ExecutableAnalyzer(), "app", [.. await File.ReadAllBytesAsync(Fixture)], limits);

        Assert.Empty(findings.PackageSets);
        Assert.Contains("limit", Assert.Single(findings.Warnings));
    }

    [Theory]
    [InlineData("usr/local/bin/app", 4096, true)]
    [InlineData("usr/lib/x86_64-linux-gnu/libssl.so.3", 4096, false)]
    [InlineData("app/index.js", 4096, false)]
    [InlineData("usr/local/bin/tiny", 10, false)]
    public void Wants_files_that_may_be_programs(string path, long size, bool wanted) =>
        Assert.Equal(wanted, new ExecutableAnalyzer().Wants(path, size));

    [Theory]
    [InlineData("go1.15.2", "1.15.2")]
    [InlineData("go1.22.0 X:boringcrypto", "1.22.0")]
    [InlineData("go1.20.1-X:nocoverageredesign", "1.20.1")]
    [InlineData("devel go1.23-abcdef", null)]
    [InlineData("1.21", null)]
    public void Toolchain_versions_become_stdlib_versions(string toolchain, string? stdlib) =>
        Assert.Equal(stdlib, GoToolchainVersion.ToStdlib(toolchain));

    [Fact]
    public async Task Go_mod_yields_stdlib_from_the_toolchain_line_and_every_require()
    {
        var findings = await FixtureRun.FileAsync(new GoModAnalyzer(), "src/go.mod", TestData.Path("packages", "go", "gomod", "go.mod"));

        // Trivy's 7 entries: the root module github.com/org/repo (no version), stdlib and the 5 requires.
        Assert.Equal(
            [
                "github.com/aquasecurity/go-version@v0.0.0-20240603093900-cf8a8d29271d",
                "github.com/davecgh/go-spew@v1.1.2-0.20180830191138-d8f796af33cc",
                "github.com/org/repo@",
                "github.com/pmezard/go-difflib@v1.0.1-0.20181226105442-5d4384ee4fb2",
                "github.com/stretchr/testify@v1.9.0",
                "golang.org/x/xerrors@v0.0.0-20231012003039-104605ab7028",
                "stdlib@1.22.5",
            ],
            findings.Packages().Select(p => $"{p.Name}@{p.Version}").Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Go_mod_applies_replacements_and_reads_stdlib_from_a_modern_go_line()
    {
        var goMod = """
            module example.com/app

            go 1.21.3

            require (
            	golang.org/x/net v0.1.0
            	example.com/forked v1.0.0 // indirect
            	example.com/local v1.0.0
            )

            replace golang.org/x/net => golang.org/x/net v0.17.0
            replace example.com/forked v1.0.0 => github.com/me/forked v1.0.1
            replace example.com/local => ../local
            """;
        var findings = await FixtureRun.BytesAsync(new GoModAnalyzer(), "go.mod", Encoding.UTF8.GetBytes(goMod));

        Assert.Equal(
            ["example.com/app@", "github.com/me/forked@v1.0.1", "golang.org/x/net@v0.17.0", "stdlib@1.21.3"],
            findings.Packages().Select(p => $"{p.Name}@{p.Version}").Order(StringComparer.Ordinal));
    }

    private static readonly byte[] BuildInfoMagic = [0xFF, .. " Go buildinf:"u8];

    /// <summary>An ELF identification with an empty header (no segments or sections), then <paramref name="body"/> at offset 64.</summary>
    private static byte[] ElfWith(byte[] body, int tail = 64)
    {
        var bytes = new byte[64 + body.Length + tail];
        ((ReadOnlySpan<byte>)[0x7F, (byte)'E', (byte)'L', (byte)'F']).CopyTo(bytes);
        bytes[4] = 2; // 64-bit
        bytes[5] = 1; // little-endian
        body.CopyTo(bytes, 64);
        return bytes;
    }

    private static byte[] InlineBuildInfoElf(string goVersion, string modules)
    {
        var sentinel = Enumerable.Range(0, 16).Select(i => (byte)(0x30 + i)).ToArray();
        byte[] moduleBytes = [.. sentinel, .. Encoding.UTF8.GetBytes(modules), .. sentinel];
        Assert.Equal((byte)'\n', moduleBytes[^17]);
        var header = new byte[32];
        BuildInfoMagic.CopyTo(header, 0);
        header[14] = 8;
        header[15] = 2;
        return ElfWith([.. header, .. Varint(goVersion.Length), .. Encoding.UTF8.GetBytes(goVersion), .. Varint(moduleBytes.Length), .. moduleBytes]);

        static byte[] Varint(int value)
        {
            var bytes = new List<byte>();
            while (value >= 0x80)
            {
                bytes.Add((byte)(value | 0x80));
                value >>= 7;
            }
            bytes.Add((byte)value);
            return [.. bytes];
        }
    }
}
