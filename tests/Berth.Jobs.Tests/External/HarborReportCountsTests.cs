using System.Text.Json.Nodes;
using Berth.Jobs.External;

namespace Berth.Jobs.Tests.External;

public sealed class HarborReportCountsTests
{
    [Fact]
    public void Report_IsCountedBySeverityWithFixableOnesAndTheHighest()
    {
        var report = JsonNode.Parse("""
            {"severity":"High","vulnerabilities":[
              {"id":"CVE-1","severity":"High","fix_version":"1.2"},
              {"id":"CVE-2","severity":"Medium","fix_version":""},
              {"id":"CVE-3","severity":"Negligible"},
              {"id":"CVE-4","severity":"Whatever"},
              {"id":"CVE-5","severity":"High","fix_version":"2.0"}]}
            """)!.AsObject();

        var counts = HarborReportCounts.Of(report);

        Assert.Equal(new Metadata.Scans.ScanSummaryCounts("High", 5, 2, 0, 2, 1, 1, 1), counts);
    }

    [Fact]
    public void ReportWithoutVulnerabilities_IsNone() =>
        Assert.Equal("None", HarborReportCounts.Of(JsonNode.Parse("""{"vulnerabilities":[]}""")!.AsObject()).Severity);
}
