using System.Text.Json.Nodes;
using Berth.Scanning.Advisories;
using Berth.Scanning.Advisories.Importers;

namespace Berth.Scanning.Tests.Advisories;

public sealed class AlpineSecdbReaderTests
{
    [Theory]
    [InlineData("CVE-2019-14904", "CVE-2019-14904")]
    [InlineData("CVE-2024-22195 GHSA-h5c8-rqwp-cp95", "CVE-2024-22195")]
    [InlineData("CVE-2017-2616 (+ regression fix)", "CVE-2017-2616")]
    [InlineData("GHSA-h6cc-rc6q-23j4 (+regression fix)", "GHSA-h6cc-rc6q-23j4")]
    [InlineData("CVE-2019-5060 TALOS-2019-0844", "CVE-2019-5060")]
    [InlineData("CVE 2018-16859", "CVE-2018-16859")]
    [InlineData("CVE_2019-1234", "CVE-2019-1234")]
    [InlineData("XSA-123", null)]
    public void IdOf_PicksTheFirstCveElseGhsa(string entry, string? expected) => Assert.Equal(expected, AlpineSecdbReader.IdOf(entry));

    [Fact]
    public void JsonBranchFile_AsSecdbAlpinelinuxOrgPublishesIt()
    {
        var tree = JsonNode.Parse("""
            {"distroversion":"v3.20","reponame":"main","packages":[
              {"pkg":{"name":"openssl","secfixes":{"3.3.2-r1":["CVE-2024-9143"],"0":["CVE-2000-0001"]}}},
              {"pkg":{"name":"musl","secfixes":null}}]}
            """);

        var advisories = AlpineSecdbReader.Read(tree, out var error);

        Assert.Null(error);
        var advisory = Assert.Single(advisories!);
        Assert.Equal("CVE-2024-9143", advisory.Id);
        var affected = Assert.Single(advisory.Affected);
        Assert.Equal(("Alpine:v3.20", "openssl"), (affected.Ecosystem, affected.Name));
        Assert.Equal([new RangeEvent(RangeEventKind.Introduced, "0"), new RangeEvent(RangeEventKind.Fixed, "3.3.2-r1")], affected.Ranges.Single().Events);
    }

    [Fact]
    public void RealYamlBranch_NullPackages_GivesNothing()
    {
        var tree = YamlTree.Parse(File.ReadAllText(TestData.Path("advisories", "alpine-secdb", "v3.3", "community.yaml")), 1_000_000, out _);

        Assert.True(AlpineSecdbReader.IsSecdb(tree));
        Assert.Empty(AlpineSecdbReader.Read(tree, out var error)!);
        Assert.Null(error);
    }

    [Fact]
    public void RealYamlBranch_V311Main_HasTheSampleRecords()
    {
        var tree = YamlTree.Parse(File.ReadAllText(TestData.Path("advisories", "alpine-secdb", "v3.11", "main.yaml")), 1_000_000, out _);

        var advisories = AlpineSecdbReader.Read(tree, out _)!;

        var musl = Assert.Single(advisories, a => a.Id == "CVE-2019-14697" && a.Affected[0].Name == "musl");
        Assert.Equal("1.1.23-r2", musl.Affected[0].Ranges[0].Events[1].Version);
        Assert.Contains(advisories, a => a.Id == "CVE-2019-1551" && a.Affected[0].Name == "openssl");
        Assert.All(advisories, a => Assert.Equal("Alpine:v3.11", a.Affected[0].Ecosystem));
    }

    [Fact]
    public void SecfixesEntryNotAList_IsAnErrorValue()
    {
        var tree = JsonNode.Parse("""{"name":"ansible","distroversion":"v3.12","secfixes":{"2.9.3-r0":{}}}""");

        Assert.Null(AlpineSecdbReader.Read(tree, out var error));
        Assert.Contains("ansible", error);
    }

    [Fact]
    public void WithoutDistroversion_IsAnErrorValue()
    {
        Assert.Null(AlpineSecdbReader.Read(JsonNode.Parse("""{"name":"ansible","secfixes":{}}"""), out var error));
        Assert.Contains("distroversion", error);
    }
}
