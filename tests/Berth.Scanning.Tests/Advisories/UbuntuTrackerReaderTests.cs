using System.Text.Json.Nodes;
using Berth.Scanning.Advisories;
using Berth.Scanning.Advisories.Importers;

namespace Berth.Scanning.Tests.Advisories;

public sealed class UbuntuTrackerReaderTests
{
    private static string Fixture => TestData.Path("advisories", "trivy-db", "pkg", "vulnsrc", "ubuntu", "testdata", "vuln-list", "ubuntu", "CVE-2020-1234.json");

    [Fact]
    public void RealFixture_OneEntryPerRelease_InUbuntuVersions()
    {
        var node = JsonNode.Parse(File.ReadAllText(Fixture));
        Assert.True(UbuntuTrackerReader.IsUbuntuTracker(node));

        var advisory = UbuntuTrackerReader.Read(node, out var error);

        Assert.Null(error);
        Assert.NotNull(advisory);
        Assert.Equal(("CVE-2020-1234", "ubuntu-cve-tracker", Severity.Medium), (advisory.Id, advisory.Source, advisory.Rating.Severity));
        Assert.StartsWith("Observable response discrepancy", advisory.Summary, StringComparison.Ordinal);
        Assert.Equal(new DateTimeOffset(2021, 6, 9, 20, 15, 0, TimeSpan.Zero), advisory.Published);
        Assert.Equal(["Ubuntu:18.04", "Ubuntu:20.04", "Ubuntu:22.04"], advisory.Affected.Select(a => a.Ecosystem));
        Assert.All(advisory.Affected, a => Assert.Equal("xen", a.Name));
        var bionic = advisory.Affected[0];
        Assert.Equal([RangeEventKind.Introduced, RangeEventKind.Fixed], bionic.Ranges.Single().Events.Select(e => e.Kind));
        Assert.Equal("1.2.3", bionic.Ranges.Single().Events[1].Version);
        Assert.Null(bionic.Status);
        Assert.Equal(AdvisoryStatus.Affected, advisory.Affected[1].Status);
        Assert.Equal(new RangeEvent(RangeEventKind.Limit, "1.2.4"), advisory.Affected[2].Ranges.Single().Events[1]);
    }

    [Fact]
    public void Statuses_MapToVendorStatuses_NotAffectedAndUnknownReleasesLeftOut()
    {
        var node = JsonNode.Parse("""
            {"Candidate": "CVE-2024-0001", "Priority": "untriaged", "Patches": {"openssl": {
              "trusty": {"Status": "deferred", "Note": "2024-01-01"},
              "xenial": {"Status": "ignored", "Note": "end of standard support"},
              "bionic": {"Status": "not-affected", "Note": "code not present"},
              "focal": {"Status": "DNE", "Note": ""},
              "jammy": {"Status": "released", "Note": ""},
              "noble": {"Status": "released", "Note": "3.0.13-0ubuntu3.2"},
              "esm-infra/xenial": {"Status": "released", "Note": "1.0.2g-1ubuntu4.20+esm1"},
              "upstream": {"Status": "needs-triage", "Note": ""}}}}
            """);

        var advisory = UbuntuTrackerReader.Read(node, out var error);

        Assert.Null(error);
        Assert.Equal(Severity.Unknown, advisory!.Rating.Severity);
        Assert.Equal([("Ubuntu:14.04", AdvisoryStatus.FixDeferred), ("Ubuntu:16.04", AdvisoryStatus.WillNotFix), ("Ubuntu:24.04", (AdvisoryStatus?)null)],
            advisory.Affected.Select(a => (a.Ecosystem, a.Status)));
        Assert.Equal("3.0.13-0ubuntu3.2", advisory.Affected[2].Ranges.Single().Events[1].Version);
    }

    [Fact]
    public void Malformed_IsAnError_NotAnAdvisory()
    {
        UbuntuTrackerReader.Read(JsonNode.Parse("""{"Candidate": "", "Patches": {}}"""), out var noId);
        UbuntuTrackerReader.Read(JsonNode.Parse("""{"Candidate": "CVE-2024-1", "Patches": ["xen"]}"""), out var badPatches);

        Assert.Contains("Candidate", noId);
        Assert.Contains("Patches", badPatches);
    }

    [Theory]
    [InlineData("bionic", "18.04")]
    [InlineData("focal", "20.04")]
    [InlineData("jammy", "22.04")]
    [InlineData("noble", "24.04")]
    [InlineData("sid", null)]
    public void Codenames(string codename, string? version) => Assert.Equal(version, UbuntuTrackerReader.VersionOf(codename));
}
