using System.Text.Json;

namespace Berth.IntegrationTests.Cli;

/// <summary>
/// <c>berth scan fs:DIR</c> on a directory holding the cargo-ci Cargo.lock and the gomod go.mod, matched against all
/// of shared/testdata/advisories: the results SOURCES.md (advisories) derives for those two files.
/// </summary>
[Collection(ImportedDataDirectoryCollection.Name)]
public sealed class ScanDirectoryTests(ImportedDataDirectory imported) : IDisposable
{
    /// <summary>SOURCES.md (advisories) Appendix A.3: the 22 crate/advisory pairs of cargo-ci.</summary>
    private static readonly string[] CargoCiPairs =
    [
        "ammonia@1.9.0 RUSTSEC-2019-0001", "ammonia@1.9.0 RUSTSEC-2021-0074", "ammonia@1.9.0 RUSTSEC-2025-0071",
        "ammonia@1.9.0 RUSTSEC-2026-0193", "ammonia@1.9.0 RUSTSEC-2026-0213", "idna@0.1.5 RUSTSEC-2024-0421",
        "openssl@0.8.3 RUSTSEC-2016-0001", "openssl@0.8.3 RUSTSEC-2023-0022", "openssl@0.8.3 RUSTSEC-2023-0023",
        "openssl@0.8.3 RUSTSEC-2023-0024", "openssl@0.8.3 RUSTSEC-2023-0044", "openssl@0.8.3 RUSTSEC-2023-0072",
        "openssl@0.8.3 RUSTSEC-2024-0357", "openssl@0.8.3 RUSTSEC-2025-0004", "rand_core@0.4.0 RUSTSEC-2019-0035",
        "rand_os@0.1.3 RUSTSEC-2025-0124", "remove_dir_all@0.5.1 RUSTSEC-2023-0018", "smallvec@0.6.9 RUSTSEC-2018-0018",
        "smallvec@0.6.9 RUSTSEC-2019-0009", "smallvec@0.6.9 RUSTSEC-2019-0012", "smallvec@0.6.9 RUSTSEC-2021-0003",
        "tempdir@0.3.7 RUSTSEC-2018-0017",
    ];

    private readonly DirectoryInfo _project = Directory.CreateTempSubdirectory("berth-fs-scan-");

    public void Dispose() => _project.Delete(recursive: true);

    private string Copy(string relative, params string[] fixture)
    {
        var target = Path.Combine(_project.FullName, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.Copy(SharedTestData.Path(["packages", .. fixture]), target);
        return target;
    }

    [Fact]
    public async Task FsDirectory_ReportsTheRustSecPairsOfCargoCi_AndThe58StdlibAdvisoriesOfGo1225()
    {
        Copy("rust/Cargo.lock", "rust", "cargo-ci", "Cargo.lock");
        Copy("go/go.mod", "go", "gomod", "go.mod");

        var result = await BerthCli.RunAsync(["scan", $"fs:{_project.FullName}", "--data", imported.DataDirectory, "--format", "json"]);

        Assert.True(result.ExitCode == 0, result.ToString());
        // The root module github.com/org/repo has no version: it is passed over without a warning.
        Assert.DoesNotContain("github.com/org/repo", result.Error);
        using var report = JsonDocument.Parse(result.Output);
        var root = report.RootElement;
        Assert.Equal("filesystem", root.GetProperty("ArtifactType").GetString());
        Assert.Equal(_project.FullName, root.GetProperty("ArtifactName").GetString());
        Assert.False(root.GetProperty("Metadata").TryGetProperty("ImageID", out _));

        var vulnerabilities = root.GetProperty("Results").EnumerateArray()
            .SelectMany(r => r.TryGetProperty("Vulnerabilities", out var list) ? list.EnumerateArray().Select(v => (Target: r.GetProperty("Target").GetString(), V: v)) : [])
            .ToList();
        var crates = vulnerabilities.Where(x => x.Target == "rust/Cargo.lock")
            .Select(x => $"{x.V.GetProperty("PkgName").GetString()}@{x.V.GetProperty("InstalledVersion").GetString()} {x.V.GetProperty("VulnerabilityID").GetString()}");
        Assert.Equal(CargoCiPairs.Order(StringComparer.Ordinal), crates.Order(StringComparer.Ordinal));

        var go = vulnerabilities.Where(x => x.Target == "go/go.mod").ToList();
        Assert.All(go, x => Assert.Equal("stdlib", x.V.GetProperty("PkgName").GetString()));
        Assert.Equal(58, go.Select(x => x.V.GetProperty("VulnerabilityID").GetString()).Distinct().Count());
        Assert.Contains(go, x => x.V.GetProperty("VulnerabilityID").GetString() == "GO-2024-3105");
        Assert.DoesNotContain(go, x => x.V.GetProperty("VulnerabilityID").GetString() == "GO-2024-2963"); // 1.22.5 is its fix
    }

    [Fact]
    public async Task PlainDirectory_ThatIsNoOciLayout_IsScannedInPlace()
    {
        Copy("Cargo.lock", "rust", "cargo-ci", "Cargo.lock");

        var result = await BerthCli.RunAsync(["scan", _project.FullName, "--data", imported.DataDirectory, "--format", "json"]);

        Assert.True(result.ExitCode == 0, result.ToString());
        using var report = JsonDocument.Parse(result.Output);
        Assert.Equal("filesystem", report.RootElement.GetProperty("ArtifactType").GetString());
        Assert.Contains("RUSTSEC-2019-0009", result.Output);
    }

    [Fact]
    public async Task FsPrefix_OnAMissingDirectory_FailsWithTheImageUnreadableCode()
    {
        var missing = Path.Combine(_project.FullName, "absent");

        var result = await BerthCli.RunAsync(["scan", $"fs:{missing}", "--data", imported.DataDirectory]);

        Assert.True(result.ExitCode == 3, result.ToString());
        Assert.Contains("is not a directory", result.Error);
    }
}
