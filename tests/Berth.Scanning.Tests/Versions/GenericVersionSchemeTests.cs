using Berth.Scanning.Versions;

namespace Berth.Scanning.Tests.Versions;

public sealed class GenericVersionSchemeTests
{
    private static readonly GenericVersionScheme Scheme = new();

    [Theory]
    [InlineData("1.1.4", "1.2")]
    [InlineData("1.2-beta", "1.2")]
    [InlineData("v1.2", "v1.2.0.0.1")]
    [InlineData("1.7rc1", "1.7rc2")]
    [InlineData("1.7rc2", "1.7")]
    [InlineData("1.2-beta.2", "1.2-beta.11")]
    [InlineData("3.2-alpha", "3.2-alpha.1")]
    [InlineData("3.0-alpha.1", "3.0-alpha.beta")]
    [InlineData("5.4-alpha", "5.4-alpha.beta")]
    [InlineData("v3.2-rc.2", "v3.2-rc.1-1-g123")]
    [InlineData("1.15.0-0", "1.15.0")]
    [InlineData("1.14.12", "1.15.0-0")]
    [InlineData("0.0.0-0", "0.0.0")]
    [InlineData("0.0.0-0", "0.0.1")]
    [InlineData("1.2.9", "1.2.10")]
    [InlineData("99999999999999999999999", "100000000000000000000000")]
    [InlineData("1.0.0-rc.99999999999999999999", "1.0.0-rc.100000000000000000000")]
    public void Orders(string lower, string higher) => SchemeAssert.Less(Scheme, lower, higher);

    [Theory]
    [InlineData("1.2+foo", "1.2+beta")]
    [InlineData("v1.2.0.0", "v1.2")]
    [InlineData("17.03.0-ce", "17.3.0-ce")]
    [InlineData("1.2.3", "v1.2.3")]
    [InlineData("v1.9.0+incompatible", "1.9.0")]
    [InlineData("1.0.0-rc.01", "1.0.0-rc.1")]
    [InlineData(" 1.2.3 ", "1.2.3")]
    public void Equals_(string left, string right) => SchemeAssert.Equal(Scheme, left, right);

    [Fact]
    public void SemVerPrecedenceChain() => SchemeAssert.Ascending(Scheme,
        "1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta", "1.0.0-beta", "1.0.0-beta.2", "1.0.0-beta.11", "1.0.0-rc.1", "1.0.0");

    [Fact]
    public void NuGetPrereleaseLabelsOrderAsTheNuGetDocsList() => SchemeAssert.Ascending(Scheme,
        "1.0.1-aaa", "1.0.1-alpha10", "1.0.1-alpha2", "1.0.1-beta", "1.0.1-open", "1.0.1-rc.2", "1.0.1-rc.10", "1.0.1-zzz", "1.0.1");

    [Fact]
    public void NuGetNormalisationDropsLeadingZerosAndAZeroRevision()
    {
        SchemeAssert.Equal(Scheme, "1.01.1", "1.1.1");
        SchemeAssert.Equal(Scheme, "1.0.0.0", "1.0.0");
        SchemeAssert.Less(Scheme, "1.0.0", "1.0.0.1");
    }

    [Fact]
    public void GoPseudoVersionsArePrereleasesOfTheNextPatch() => SchemeAssert.Ascending(Scheme,
        "v0.0.0-20191216044856-a8371794149d",
        "v0.0.0-20200804184101-5ec99f83aff1",
        "v0.0.0-20231012003039-104605ab7028",
        "v0.0.0",
        "v1.1.1",
        "v1.1.2-0.20180830191138-d8f796af33cc",
        "v1.1.2");

    [Theory]
    [InlineData("")]
    [InlineData("v")]
    [InlineData("1.")]
    [InlineData("1..2")]
    [InlineData(".1")]
    [InlineData("1.2-")]
    [InlineData("1.2+")]
    [InlineData("1.2-beta..1")]
    [InlineData("1.2.a")]
    [InlineData("abc")]
    [InlineData("1.0 beta")]
    [InlineData("V1.0")]
    [InlineData("1.0+a+b")]
    [InlineData("go1.22.1")]
    public void UnreadableVersionsAreInvalidAndSortFirst(string invalid) =>
        SchemeAssert.UnreadableSortsFirst(Scheme, invalid, "0.0.0-0");

    [Fact]
    public void GoVulnDbStdlibMatchesFromTestdata()
    {
        // SOURCES.md §1: GO-2021-0069 affects stdlib 1.15.2 only because 1.15.0-0 sorts below 1.15.2.
        var go69 = OsvRanges.Read(TestData.Path("advisories", "golang-vulndb", "data", "osv", "GO-2021-0069.json"));
        Assert.True(OsvRanges.Affects(Scheme, go69, "1.15.2"));
        Assert.False(OsvRanges.Affects(Scheme, go69, "1.22.5"));
        Assert.False(OsvRanges.Affects(Scheme, go69, "1.15.5"));

        // GO-2024-2963 is the boundary: 1.22.5 equals its fix.
        var go2963 = OsvRanges.Read(TestData.Path("advisories", "golang-vulndb", "data", "osv", "GO-2024-2963.json"));
        Assert.False(OsvRanges.Affects(Scheme, go2963, "1.22.5"));
        Assert.True(OsvRanges.Affects(Scheme, go2963, "1.15.2"));
    }

    [Fact]
    public void RustSecMatchesFromTestdata()
    {
        // SOURCES.md §2: rand_core 0.4.0 is inside "introduced 0.4.0-0, fixed 0.4.2"; 0.3.1 equals the first fix.
        var rust35 = OsvRanges.Read(TestData.Path("advisories", "rustsec-advisory-db-osv", "crates", "RUSTSEC-2019-0035.json"));
        Assert.True(OsvRanges.Affects(Scheme, rust35, "0.4.0"));
        Assert.False(OsvRanges.Affects(Scheme, rust35, "0.3.1"));

        var smallvec = OsvRanges.Read(TestData.Path("advisories", "rustsec-advisory-db-osv", "crates", "RUSTSEC-2019-0009.json"));
        Assert.True(OsvRanges.Affects(Scheme, smallvec, "0.6.9"));
        Assert.False(OsvRanges.Affects(Scheme, smallvec, "0.6.10"));

        var openssl = OsvRanges.Read(TestData.Path("advisories", "rustsec-advisory-db-osv", "crates", "RUSTSEC-2018-0010.json"));
        Assert.False(OsvRanges.Affects(Scheme, openssl, "0.8.3"));
    }

    [Theory]
    [InlineData("golang-vulndb", "data/osv")]
    [InlineData("rustsec-advisory-db-osv", "crates")]
    public void EveryEventVersionInTheRealDatabasesIsReadableAndInOrder(string source, string folder)
    {
        var files = Directory.GetFiles(TestData.Path("advisories", source, folder), "*.json");
        Assert.True(files.Length > 1000);
        var problems = new List<string>();
        foreach (var file in files)
        {
            foreach (var range in OsvRanges.Read(file))
            {
                var versions = range.Select(e => e.Version).Where(v => v != "0").ToList();
                problems.AddRange(versions.Where(v => !Scheme.IsValid(v)).Select(v => $"{Path.GetFileName(file)}: {v} unreadable"));
                // Both databases write each range's events in version order; RustSec sometimes re-introduces at the
                // very version it fixed (RUSTSEC-2022-0012: fixed 0.10.0, introduced 0.10.0), so ties are allowed.
                for (var i = 1; i < versions.Count; i++)
                {
                    if (Scheme.Compare(versions[i - 1], versions[i]) > 0) problems.Add($"{Path.GetFileName(file)}: {versions[i - 1]} > {versions[i]}");
                }
            }
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems.Take(20)));
    }
}
