using System.Text.Json.Nodes;
using Berth.Metadata.Scanners;

namespace Berth.Jobs.Tests.External;

/// <summary>The stored form of an external scanner's report, which the scan worker writes and the API serves.</summary>
public sealed class ExternalReportDocumentTests
{
    [Fact]
    public void ExternalDocument_ReadsBackAsStored_AndBerthsOwnIsNotTakenForOne()
    {
        var report = JsonNode.Parse("""{"generated_at":"2025-01-01T00:00:00Z","vulnerabilities":[{"id":"CVE-1"}]}""")!;
        var stored = ExternalReportDocument.Wrap("application/vnd.security.vulnerability.report; version=1.1", report);

        Assert.True(ExternalReportDocument.TryUnwrap(stored, out var mediaType, out var read));
        Assert.Equal("application/vnd.security.vulnerability.report; version=1.1", mediaType);
        Assert.Equal(report.ToJsonString(), read.ToJsonString());
        Assert.False(ExternalReportDocument.TryUnwrap("""{"image":{"name":"x"},"external_report":{}}""", out _, out _));
    }
}
