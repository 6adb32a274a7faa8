using Berth.Scanning.Matching;
using Berth.Scanning.Packages;
using Berth.Scanning.Tests.Advisories;

namespace Berth.Scanning.Tests.Matching;

/// <summary>Go and Rust fixtures against all of golang/vulndb and RustSec, with the results SOURCES.md states.</summary>
[Collection(ImportedAdvisoriesCollection.Name)]
public sealed class GoAndRustMatchTests(ImportedAdvisories imported)
{
    /// <summary>SOURCES.md Appendix A.1: stdlib@1.15.2, 131 advisories.</summary>
    private const string Stdlib1152 =
        """
        GO-2021-0069 GO-2021-0234 GO-2021-0235 GO-2021-0239 GO-2021-0240 GO-2021-0241 GO-2021-0242 GO-2021-0243 GO-2021-0245 GO-2021-0263
        GO-2021-0264 GO-2021-0317 GO-2021-0319 GO-2021-0347 GO-2022-0236 GO-2022-0273 GO-2022-0288 GO-2022-0289 GO-2022-0433 GO-2022-0435
        GO-2022-0477 GO-2022-0493 GO-2022-0515 GO-2022-0520 GO-2022-0521 GO-2022-0522 GO-2022-0523 GO-2022-0524 GO-2022-0525 GO-2022-0526
        GO-2022-0527 GO-2022-0531 GO-2022-0532 GO-2022-0533 GO-2022-0537 GO-2022-0969 GO-2022-1037 GO-2022-1038 GO-2022-1039 GO-2022-1095
        GO-2022-1143 GO-2022-1144 GO-2023-1568 GO-2023-1569 GO-2023-1570 GO-2023-1571 GO-2023-1621 GO-2023-1702 GO-2023-1703 GO-2023-1704
        GO-2023-1705 GO-2023-1751 GO-2023-1752 GO-2023-1753 GO-2023-1840 GO-2023-1878 GO-2023-1987 GO-2023-2041 GO-2023-2043 GO-2023-2102
        GO-2023-2185 GO-2023-2186 GO-2023-2375 GO-2023-2382 GO-2024-2598 GO-2024-2599 GO-2024-2600 GO-2024-2609 GO-2024-2610 GO-2024-2687
        GO-2024-2887 GO-2024-2888 GO-2024-2963 GO-2024-3105 GO-2024-3106 GO-2024-3107 GO-2025-3373 GO-2025-3420 GO-2025-3447 GO-2025-3503
        GO-2025-3563 GO-2025-3750 GO-2025-3751 GO-2025-3849 GO-2025-3956 GO-2025-4006 GO-2025-4007 GO-2025-4008 GO-2025-4009 GO-2025-4010
        GO-2025-4011 GO-2025-4012 GO-2025-4013 GO-2025-4014 GO-2025-4015 GO-2025-4155 GO-2025-4175 GO-2026-4337 GO-2026-4340 GO-2026-4341
        GO-2026-4342 GO-2026-4403 GO-2026-4601 GO-2026-4602 GO-2026-4603 GO-2026-4864 GO-2026-4865 GO-2026-4869 GO-2026-4870 GO-2026-4918
        GO-2026-4946 GO-2026-4947 GO-2026-4970 GO-2026-4971 GO-2026-4976 GO-2026-4977 GO-2026-4980 GO-2026-4981 GO-2026-4982 GO-2026-4986
        GO-2026-5026 GO-2026-5037 GO-2026-5038 GO-2026-5039 GO-2026-5856 GO-2026-5972 GO-2026-6088 GO-2026-6089 GO-2026-6090 GO-2026-6091
        GO-2026-6218
        """;

    /// <summary>SOURCES.md Appendix A.1: stdlib@1.22.5, 58 advisories.</summary>
    private const string Stdlib1225 =
        """
        GO-2024-3105 GO-2024-3106 GO-2024-3107 GO-2025-3373 GO-2025-3420 GO-2025-3447 GO-2025-3503 GO-2025-3563 GO-2025-3750 GO-2025-3751
        GO-2025-3849 GO-2025-3956 GO-2025-4006 GO-2025-4007 GO-2025-4008 GO-2025-4009 GO-2025-4010 GO-2025-4011 GO-2025-4012 GO-2025-4013
        GO-2025-4014 GO-2025-4015 GO-2025-4155 GO-2025-4175 GO-2026-4337 GO-2026-4340 GO-2026-4341 GO-2026-4342 GO-2026-4403 GO-2026-4601
        GO-2026-4602 GO-2026-4603 GO-2026-4864 GO-2026-4865 GO-2026-4869 GO-2026-4870 GO-2026-4918 GO-2026-4946 GO-2026-4947 GO-2026-4970
        GO-2026-4971 GO-2026-4976 GO-2026-4977 GO-2026-4980 GO-2026-4981 GO-2026-4982 GO-2026-4986 GO-2026-5026 GO-2026-5037 GO-2026-5038
        GO-2026-5039 GO-2026-5856 GO-2026-5972 GO-2026-6088 GO-2026-6089 GO-2026-6090 GO-2026-6091 GO-2026-6218
        """;

    private AdvisoryMatcher Matcher => new(imported.Store);

    private static string[] Ids(string list) => list.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries);

    [Fact]
    public async Task GoBinary_Stdlib1152_Matches131Advisories_AndNoThirdPartyModule()
    {
        var result = await Matcher.MatchAsync(null, FixturePackages.GoBinary(), default);

        Assert.Empty(result.Warnings);
        Assert.All(result.Findings, f => Assert.Equal("stdlib", f.PackageName));
        Assert.Equal(Ids(Stdlib1152).Order(), result.Findings.Select(f => f.AdvisoryId).Order());

        // Example 1: introduced 1.15.0-0, fixed 1.15.5; the fix above 1.15.2 is 1.15.5 alone.
        var bigDivision = result.Findings.Single(f => f.AdvisoryId == "GO-2021-0069");
        Assert.Equal(["1.15.5"], bigDivision.FixedVersions);
        Assert.Equal(["CVE-2020-28362"], bigDivision.Aliases);
        Assert.True(bigDivision.Fixable);
        Assert.Equal("v1.15.2", bigDivision.InstalledVersion);
        Assert.Equal("1.15.2", bigDivision.ComparedVersion);
        // Example 2 and 3 for this version.
        Assert.Equal(["1.22.7", "1.23.1"], result.Findings.Single(f => f.AdvisoryId == "GO-2024-3105").FixedVersions);
        Assert.Contains(result.Findings, f => f.AdvisoryId == "GO-2024-2963");
    }

    [Fact]
    public async Task GoMod_ToolchainStdlib1225_Matches58Advisories_FixedBoundaryExcluded()
    {
        var packages = FixturePackages.GoMod();
        Assert.Equal(6, packages.Count); // stdlib + 5 requires

        var result = await Matcher.MatchAsync(null, packages, default);

        Assert.Equal(Ids(Stdlib1225).Order(), result.Findings.Select(f => f.AdvisoryId).Order());
        Assert.DoesNotContain(result.Findings, f => f.AdvisoryId is "GO-2024-2963" or "GO-2021-0069"); // 1.22.5 == fixed; 1.22.5 past 1.15.5
        Assert.Contains(result.Findings, f => f.AdvisoryId == "GO-2024-3105");
    }

    [Fact]
    public async Task GoMod_RootModuleWithoutVersion_IsPassedOverQuietly()
    {
        var root = new Package { Name = "github.com/org/repo", Version = "", Ecosystem = Ecosystem.Go, FilePath = "go.mod" };

        var result = await Matcher.MatchAsync(null, [root, .. FixturePackages.GoMod()], default);

        Assert.Empty(result.Warnings);
        Assert.Equal(58, result.Findings.Count);
        Assert.DoesNotContain(result.Findings, f => f.PackageName == root.Name);
    }

    [Fact]
    public async Task GoToolchainModule_IsNeverReported()
    {
        // 23 toolchain advisories would match 1.15.2 at module level; they concern the go command, not binaries.
        Package toolchain = new() { Name = "toolchain", Version = "v1.15.2", Ecosystem = Ecosystem.Go };

        Assert.Empty((await Matcher.MatchAsync(null, [toolchain], default)).Findings);
    }

    /// <summary>SOURCES.md Appendix A.3: the 22 crate/advisory pairs of cargo-ci, with RustSec's informational kind.</summary>
    public static TheoryData<string, string, string, string?> CargoCiPairs => new()
    {
        { "ammonia", "1.9.0", "RUSTSEC-2019-0001", null }, { "ammonia", "1.9.0", "RUSTSEC-2021-0074", null },
        { "ammonia", "1.9.0", "RUSTSEC-2025-0071", null }, { "ammonia", "1.9.0", "RUSTSEC-2026-0193", null },
        { "ammonia", "1.9.0", "RUSTSEC-2026-0213", null }, { "idna", "0.1.5", "RUSTSEC-2024-0421", null },
        { "openssl", "0.8.3", "RUSTSEC-2016-0001", null }, { "openssl", "0.8.3", "RUSTSEC-2023-0022", null },
        { "openssl", "0.8.3", "RUSTSEC-2023-0023", null }, { "openssl", "0.8.3", "RUSTSEC-2023-0024", null },
        { "openssl", "0.8.3", "RUSTSEC-2023-0044", null }, { "openssl", "0.8.3", "RUSTSEC-2023-0072", "unsound" },
        { "openssl", "0.8.3", "RUSTSEC-2024-0357", null }, { "openssl", "0.8.3", "RUSTSEC-2025-0004", null },
        { "rand_core", "0.4.0", "RUSTSEC-2019-0035", "unsound" }, { "rand_os", "0.1.3", "RUSTSEC-2025-0124", "unmaintained" },
        { "remove_dir_all", "0.5.1", "RUSTSEC-2023-0018", null }, { "smallvec", "0.6.9", "RUSTSEC-2018-0018", "unsound" },
        { "smallvec", "0.6.9", "RUSTSEC-2019-0009", null }, { "smallvec", "0.6.9", "RUSTSEC-2019-0012", null },
        { "smallvec", "0.6.9", "RUSTSEC-2021-0003", null }, { "tempdir", "0.3.7", "RUSTSEC-2018-0017", "unmaintained" },
    };

    [Fact]
    public async Task CargoCi_Has22PairsAcross8Crates_17Vulnerabilities()
    {
        var packages = FixturePackages.TomlLock(Ecosystem.CratesIo, "rust/cargo-ci/Cargo.lock", registryOnly: true);
        Assert.Equal(73, packages.Count);

        var result = await Matcher.MatchAsync(null, packages, default);

        var expected = CargoCiPairs.Select(row => ((string)row[0], (string)row[1], (string)row[2], (string?)row[3])).Order();
        Assert.Equal(expected, result.Findings.Select(f => (f.PackageName, f.InstalledVersion, f.AdvisoryId, f.Informational)).Order());
        Assert.Equal(17, result.Findings.Count(f => f.IsVulnerability));
        Assert.Equal(8, result.Findings.Select(f => f.PackageName).Distinct().Count());
    }

    [Fact]
    public async Task CargoCi_BoundariesOfTheNamedExamples()
    {
        var packages = FixturePackages.TomlLock(Ecosystem.CratesIo, "rust/cargo-ci/Cargo.lock", registryOnly: true);

        var findings = (await Matcher.MatchAsync(null, packages, default)).Findings;

        // rand_core@0.3.1 equals RUSTSEC-2019-0035's first fix: not affected; 0.4.0 is (0.4.0-0 ≤ 0.4.0 < 0.4.2).
        Assert.Equal(["0.4.0"], findings.Where(f => f.AdvisoryId == "RUSTSEC-2019-0035").Select(f => f.InstalledVersion));
        Assert.Equal(["0.4.2"], findings.Single(f => f.AdvisoryId == "RUSTSEC-2019-0035").FixedVersions);
        // smallvec@0.6.9 is past RUSTSEC-2018-0003's 0.6 range (fixed 0.6.3); openssl@0.8.3 is below 0.10.8 and 0.10.39.
        Assert.DoesNotContain(findings, f => f.AdvisoryId is "RUSTSEC-2018-0003" or "RUSTSEC-2018-0010" or "RUSTSEC-2025-0022");
        // Unmaintained notices have no fix.
        var tempdir = findings.Single(f => f.AdvisoryId == "RUSTSEC-2018-0017");
        Assert.Empty(tempdir.FixedVersions);
        Assert.False(tempdir.Fixable);
        Assert.False(tempdir.IsVulnerability);
        // RustSec's CVSS gives the severity: RUSTSEC-2019-0009 (smallvec double free) is scored.
        Assert.NotNull(findings.Single(f => f.AdvisoryId == "RUSTSEC-2019-0009").CvssScore);
    }

    [Fact]
    public async Task CargoV3_NoMatches_RegexIsPastItsFix()
    {
        var packages = FixturePackages.TomlLock(Ecosystem.CratesIo, "rust/cargo-v3/Cargo.lock", registryOnly: true);
        Assert.Equal(8, packages.Count);
        Assert.Contains(packages, p => p is { Name: "regex", Version: "1.7.3" });

        Assert.Empty((await Matcher.MatchAsync(null, packages, default)).Findings);
    }
}
