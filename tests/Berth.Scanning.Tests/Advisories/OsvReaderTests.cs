using System.Text.Json.Nodes;
using Berth.Scanning.Advisories;
using Berth.Scanning.Advisories.Importers;

namespace Berth.Scanning.Tests.Advisories;

public sealed class OsvReaderTests
{
    private static Advisory Read(string json)
    {
        var advisory = OsvReader.Read(JsonNode.Parse(json), out var error);
        Assert.Null(error);
        return advisory!;
    }

    [Fact]
    public void RealGoRecord_RangesAliasesAndZeroModifiedTime()
    {
        var advisory = Read(File.ReadAllText(TestData.Path("advisories", "golang-vulndb", "data", "osv", "GO-2024-2963.json")));

        Assert.Equal("GO-2024-2963", advisory.Id);
        Assert.Equal("go-vulndb", advisory.Source);
        Assert.Contains("CVE-2024-24791", advisory.Aliases);
        Assert.Null(advisory.Modified);
        var stdlib = Assert.Single(advisory.Affected);
        Assert.Equal(("Go", "stdlib"), (stdlib.Ecosystem, stdlib.Name));
        Assert.Equal(
            [new RangeEvent(RangeEventKind.Introduced, "0"), new RangeEvent(RangeEventKind.Fixed, "1.21.12"),
             new RangeEvent(RangeEventKind.Introduced, "1.22.0-0"), new RangeEvent(RangeEventKind.Fixed, "1.22.5")],
            Assert.Single(stdlib.Ranges).Events);
        Assert.Equal(Severity.Unknown, advisory.Rating.Severity);
    }

    [Fact]
    public void RealRustSecRecord_PackageCvssAndInformational()
    {
        var advisory = Read(File.ReadAllText(TestData.Path("advisories", "rustsec-advisory-db-osv", "crates", "RUSTSEC-2019-0035.json")));

        var crate = Assert.Single(advisory.Affected);
        Assert.Equal("unsound", crate.Informational);
        Assert.Equal(new AdvisoryRating(Severity.Critical, "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", 9.8), crate.Rating);
        Assert.Equal(Severity.Critical, advisory.Rating.Severity);
    }

    [Fact]
    public void GhsaLabel_ModerateIsMedium_EvenWithAHigherCvss()
    {
        var advisory = Read("""
            {"id":"GHSA-aaaa-bbbb-cccc","modified":"2024-01-02T03:04:05Z",
             "severity":[{"type":"CVSS_V3","score":"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"}],
             "database_specific":{"severity":"MODERATE"},
             "affected":[{"package":{"ecosystem":"npm","name":"left-pad"},"ranges":[{"type":"ECOSYSTEM","events":[{"introduced":"0"},{"fixed":"1.3.0"}]}]}]}
            """);

        Assert.Equal("ghsa", advisory.Source);
        Assert.Equal(Severity.Medium, advisory.Rating.Severity);
        Assert.Equal(9.8, advisory.Rating.CvssScore);
        Assert.Equal(new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.Zero), advisory.Modified);
    }

    [Fact]
    public void Withdrawn_IsRead_SoTheImporterCanRemoveIt()
    {
        var advisory = Read("""{"id":"GO-2099-0001","modified":"2024-01-01T00:00:00Z","withdrawn":"2024-02-01T00:00:00Z","affected":[]}""");

        Assert.Equal(new DateTimeOffset(2024, 2, 1, 0, 0, 0, TimeSpan.Zero), advisory.Withdrawn);
    }

    [Fact]
    public void UnknownRangeTypesAndEventKeys_AreDropped_GitKept()
    {
        var advisory = Read("""
            {"id":"PYSEC-2099-1","modified":"2024-01-01T00:00:00Z","affected":[{"package":{"ecosystem":"PyPI","name":"Foo_Bar"},
             "ranges":[{"type":"GIT","repo":"https://x","events":[{"introduced":"abc"}]},{"type":"WEIRD","events":[]},
                       {"type":"ECOSYSTEM","events":[{"introduced":"1.0"},{"surprise":"2"},{"last_affected":"1.5"}]}]}]}
            """);

        var ranges = Assert.Single(advisory.Affected).Ranges;
        Assert.Equal([RangeType.Git, RangeType.Ecosystem], ranges.Select(r => r.Type));
        Assert.Equal([RangeEventKind.Introduced, RangeEventKind.LastAffected], ranges[1].Events.Select(e => e.Kind));
    }

    [Fact]
    public void WithoutId_IsAnErrorValue()
    {
        Assert.Null(OsvReader.Read(JsonNode.Parse("""{"modified":"2024-01-01T00:00:00Z"}"""), out var error));
        Assert.Contains("id", error);
    }

    [Fact]
    public void RealPypaYaml_ReadsLikeJson_IncludingUnquotedTimestamps()
    {
        var yaml = File.ReadAllText(TestData.Path("advisories", "pypa-advisory-database", "vulns", "py", "PYSEC-2022-42969.yaml"));
        var tree = YamlTree.Parse(yaml, 100_000, out var yamlError);
        Assert.Null(yamlError);

        var advisory = Read(tree!.ToJsonString());

        Assert.Equal("pypa", advisory.Source);
        Assert.Equal([RangeEventKind.Introduced, RangeEventKind.LastAffected], Assert.Single(Assert.Single(advisory.Affected).Ranges).Events.Select(e => e.Kind));
        Assert.Contains("1.11.0", advisory.Affected[0].Versions);
        Assert.Equal(new DateTimeOffset(2022, 11, 4, 11, 0, 0, TimeSpan.Zero), advisory.Published);
    }
}
