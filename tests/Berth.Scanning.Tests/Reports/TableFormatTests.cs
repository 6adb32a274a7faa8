using Berth.Scanning.Packages;
using Berth.Scanning.Reports.Formats;

namespace Berth.Scanning.Tests.Reports;

[Collection(ReportCollection.Name)]
public sealed class TableFormatTests(ReportFixture fixture)
{
    [Fact]
    public async Task Header_NamesTheImageOsAndCounts()
    {
        var text = await ReportOutput.TextAsync(new TableFormat(), fixture.Report);
        var lines = text.Split('\n');

        Assert.Equal($"Image: {fixture.Image.Name}", lines[0]);
        Assert.Contains($"Digest: {fixture.Image.ManifestDigest}", lines);
        Assert.Contains("OS: debian 12.15", lines);
        Assert.Contains($"Packages: {fixture.Report.Packages.Count}", lines);
        Assert.Contains("Total: 5 (UNKNOWN: 0, LOW: 2, MEDIUM: 0, HIGH: 2, CRITICAL: 1)", lines);
    }

    [Fact]
    public async Task EachTarget_HasItsRowsSortedBySeverity()
    {
        var text = await ReportOutput.TextAsync(new TableFormat(), fixture.Report);
        var lines = text.Split('\n');

        var osHeading = $"{fixture.Image.Name} (debian 12.15)";
        var os = Array.IndexOf(lines, osHeading);
        var node = Array.IndexOf(lines, "Node.js (node-pkg)");
        Assert.True(os >= 0 && node > os, text);
        Assert.Equal("Total: 3 (UNKNOWN: 0, LOW: 1, MEDIUM: 0, HIGH: 1, CRITICAL: 1)", lines[os + 2]);
        Assert.Equal("Total: 2 (UNKNOWN: 0, LOW: 1, MEDIUM: 0, HIGH: 1, CRITICAL: 0)", lines[node + 2]);

        var osRows = lines[os..node].Where(l => l.StartsWith("│ ", StringComparison.Ordinal)).Select(Cells).ToList();
        Assert.Equal(["Library", "Vulnerability", "Severity", "Status", "Installed", "Fixed", "Title"], osRows[0]);
        Assert.Equal(["CVE-2023-45853", "CVE-2025-4802", "TEMP-0290435-0B57B5"], osRows.Skip(1).Select(r => r[1]));
        var libc = fixture.Single(Ecosystem.Debian, "libc6");
        Assert.Equal(["libc6", "CVE-2025-4802", "HIGH", "fixed", libc.Version, "2.36-9+deb12u99",
            "glibc: static setuid binary dlopen may incorrectly search L…"], osRows[2]);

        var nodeRows = lines[node..].Where(l => l.StartsWith("│ ", StringComparison.Ordinal)).Select(Cells).ToList();
        Assert.Equal(["body-parser", "express"], nodeRows.Skip(1).Select(r => r[0]));
        Assert.Equal("4.20.0, 5.0.0", nodeRows[2][5]);
        // Every row of a table has the same width: the columns line up.
        Assert.Single(lines[os..node].Where(l => l.StartsWith('│') || l.StartsWith('┌')).Select(l => l.Length).Distinct());
    }

    [Fact]
    public async Task Warnings_AreListedAtTheEnd()
    {
        var text = await ReportOutput.TextAsync(new TableFormat(), fixture.Report);

        var warnings = text[text.IndexOf("Warnings (2):", StringComparison.Ordinal)..];
        Assert.Contains("  - sha256:0000: dpkg: 'var/lib/dpkg/status' has 1 malformed lines; they were ignored", warnings);
        Assert.Contains("  - stdlib go1.22: not a valid Go version, not checked", warnings);
    }

    [Fact]
    public async Task Colours_OnlyWhenAsked()
    {
        var plain = await ReportOutput.TextAsync(new TableFormat(), fixture.Report);
        var colored = await ReportOutput.TextAsync(new TableFormat(colors: true), fixture.Report);

        Assert.DoesNotContain('\u001b', plain);
        Assert.Contains("\u001b[1;31mCRITICAL\u001b[0m", colored);
        Assert.Equal(plain, System.Text.RegularExpressions.Regex.Replace(colored, "\u001b\\[[0-9;]*m", ""));
    }

    private static string[] Cells(string line) => [.. line.Trim('│').Split('│').Select(c => c.Trim())];
}
