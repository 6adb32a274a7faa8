using System.Text.Json;
using Berth.Scanning.Advisories;
using Berth.Scanning.Matching;
using Berth.Scanning.Packages;

namespace Berth.Scanning.Reports.Formats;

/// <summary>
/// Trivy's JSON report, schema version 2 (pkg/types/report.go), so tools that read `trivy image --format json` read
/// Berth's: one result for the OS packages ("name (debian 12.5)", Class os-pkgs), one per language target (Class
/// lang-pkgs, Type node-pkg, gobinary, jar, …; installed packages gathered per language as Trivy does), each with its
/// vulnerabilities. A target without vulnerabilities is listed without the array, as Trivy omits it.
/// </summary>
public sealed class TrivyJsonFormat : IReportFormat
{
    public string Name => "json";

    public string MediaType => "application/json";

    public async Task WriteAsync(ScanReport report, Stream output, CancellationToken cancellationToken)
    {
        var packages = new Dictionary<(string, string, string?), Package>();
        foreach (var package in report.Packages) packages.TryAdd((package.Name, package.Version, package.FilePath), package);
        var layerDigests = report.Image.Layers.GroupBy(l => l.DiffId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Digest, StringComparer.Ordinal);
        var name = ImageNameParts.Of(report.Image.Name);

        await using var writer = ReportJson.Writer(output);
        writer.WriteStartObject();
        writer.WriteNumber("SchemaVersion", 2);
        writer.WriteString("CreatedAt", ReportTimestamps.Precise(report.GeneratedAt));
        writer.WriteString("ArtifactName", report.Image.Name);
        writer.WriteString("ArtifactType", report.Image.IsDirectory ? "filesystem" : "container_image");
        writer.WriteStartObject("Metadata");
        if (report.OperatingSystem is { } os)
        {
            writer.WriteStartObject("OS");
            writer.WriteString("Family", os.Family);
            writer.WriteString("Name", os.Version);
            writer.WriteEndObject();
        }
        // A directory has no image id, layers, tags or digests; Trivy's filesystem reports leave them out too.
        if (!report.Image.IsDirectory)
        {
            writer.WriteString("ImageID", report.Image.ConfigDigest);
            ReportJson.WriteStrings(writer, "DiffIDs", report.Image.Layers.Select(l => l.DiffId));
            ReportJson.WriteStrings(writer, "RepoTags", name.Tag is { } tag ? [$"{name.Repository}:{tag}"] : []);
            ReportJson.WriteStrings(writer, "RepoDigests", report.Image.ManifestDigest is { } digest ? [$"{name.Repository}@{digest}"] : []);
        }
        writer.WriteEndObject();

        writer.WriteStartArray("Results");
        foreach (var target in ReportTargets.Of(report))
        {
            writer.WriteStartObject();
            writer.WriteString("Target", target.Name);
            writer.WriteString("Class", target.Class);
            writer.WriteString("Type", target.Type);
            if (target.Findings.Count > 0)
            {
                writer.WriteStartArray("Vulnerabilities");
                foreach (var finding in target.Findings)
                {
                    var package = packages.GetValueOrDefault((finding.PackageName, finding.InstalledVersion, finding.FilePath));
                    WriteVulnerability(writer, finding, package, target.Class == ReportTarget.LanguagePackages, report.OperatingSystem, layerDigests);
                    await ReportJson.FlushIfFullAsync(writer, cancellationToken);
                }
                writer.WriteEndArray();
            }
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
        writer.WriteEndObject();
        await writer.FlushAsync(cancellationToken);
    }

    private static void WriteVulnerability(Utf8JsonWriter writer, Finding finding, Package? package, bool language, OsRelease? os, Dictionary<string, string?> layerDigests)
    {
        var source = AdvisoryLinks.DataSourceId(finding.Source);
        writer.WriteStartObject();
        writer.WriteString("VulnerabilityID", finding.AdvisoryId);
        if (finding.Aliases.Count > 0) ReportJson.WriteStrings(writer, "VendorIDs", finding.Aliases);
        writer.WriteString("PkgID", package?.Ecosystem == Ecosystem.Maven ? $"{finding.PackageName}:{finding.InstalledVersion}" : $"{finding.PackageName}@{finding.InstalledVersion}");
        writer.WriteString("PkgName", finding.PackageName);
        if (language) ReportJson.WriteIfPresent(writer, "PkgPath", finding.FilePath);
        if (package is not null)
        {
            writer.WriteStartObject("PkgIdentifier");
            writer.WriteString("PURL", PackageUrl.For(package, os).ToString());
            writer.WriteEndObject();
        }
        writer.WriteString("InstalledVersion", finding.InstalledVersion);
        ReportJson.WriteIfPresent(writer, "FixedVersion", string.Join(", ", finding.FixedVersions));
        writer.WriteString("Status", StatusNames.Of(finding.Status));
        if (finding.LayerDiffId is { } diffId)
        {
            writer.WriteStartObject("Layer");
            ReportJson.WriteIfPresent(writer, "Digest", layerDigests.GetValueOrDefault(diffId));
            writer.WriteString("DiffID", diffId);
            writer.WriteEndObject();
        }
        writer.WriteString("SeveritySource", source);
        ReportJson.WriteIfPresent(writer, "PrimaryURL", AdvisoryLinks.PrimaryUrl(finding.AdvisoryId));
        writer.WriteStartObject("DataSource");
        writer.WriteString("ID", source);
        writer.WriteString("Name", finding.Source);
        ReportJson.WriteIfPresent(writer, "URL", AdvisoryLinks.SourceUrl(finding.Source));
        writer.WriteEndObject();
        ReportJson.WriteIfPresent(writer, "Title", finding.Summary);
        ReportJson.WriteIfPresent(writer, "Description", finding.Summary);
        writer.WriteString("Severity", SeverityNames.Trivy(finding.Severity));
        writer.WriteStartObject("VendorSeverity");
        writer.WriteNumber(source, (int)finding.Severity);
        writer.WriteEndObject();
        if (CvssEntry.Of(finding.CvssVector, finding.CvssScore) is { } cvss)
        {
            writer.WriteStartObject("CVSS");
            writer.WritePropertyName(source);
            JsonSerializer.Serialize(writer, cvss, HarborJson.Options);
            writer.WriteEndObject();
        }
        ReportJson.WriteStrings(writer, "References", AdvisoryLinks.All(finding.AdvisoryId, finding.Aliases));
        writer.WriteEndObject();
    }
}
