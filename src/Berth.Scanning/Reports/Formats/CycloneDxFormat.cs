using System.Text.Json;
using Berth.Scanning.Matching;
using Berth.Scanning.Packages;

namespace Berth.Scanning.Reports.Formats;

/// <summary>
/// A CycloneDX 1.5 JSON SBOM of the image: the image as the described container, each package a library component
/// (bom-ref and purl the package URL; Berth's own facts as berth:… properties), and the findings as vulnerabilities,
/// one per advisory id, affecting each package it was found in.
/// </summary>
public sealed class CycloneDxFormat : IReportFormat
{
    public string Name => "cyclonedx";

    public string MediaType => "application/vnd.cyclonedx+json";

    public async Task WriteAsync(ScanReport report, Stream output, CancellationToken cancellationToken)
    {
        var refs = new ComponentRefs(report.Packages, report.OperatingSystem);
        var parts = ImageNameParts.Of(report.Image.Name);
        var imageDigest = report.Image.ManifestDigest ?? report.Image.ConfigDigest;
        var imagePurl = PackageUrl.ForImage(parts.Repository, imageDigest, parts.Tag, report.Image.Architecture).ToString();

        await using var writer = ReportJson.Writer(output);
        writer.WriteStartObject();
        writer.WriteString("$schema", "http://cyclonedx.org/schema/bom-1.5.schema.json");
        writer.WriteString("bomFormat", "CycloneDX");
        writer.WriteString("specVersion", "1.5");
        // Derived from the image and its inventory, not random: the same report renders to the same bytes.
        writer.WriteString("serialNumber", $"urn:uuid:{SbomIdentity.Of(report, "cyclonedx"):D}");
        writer.WriteNumber("version", 1);
        WriteMetadata(writer, report, parts, imageDigest, imagePurl);

        writer.WriteStartArray("components");
        foreach (var package in refs.Packages)
        {
            WriteComponent(writer, package, refs.Of(package));
            await ReportJson.FlushIfFullAsync(writer, cancellationToken);
        }
        writer.WriteEndArray();

        writer.WriteStartArray("dependencies");
        writer.WriteStartObject();
        writer.WriteString("ref", imagePurl);
        ReportJson.WriteStrings(writer, "dependsOn", refs.Packages.Select(p => refs.Of(p).Ref));
        writer.WriteEndObject();
        writer.WriteEndArray();

        writer.WriteStartArray("vulnerabilities");
        foreach (var group in report.Findings.GroupBy(f => f.AdvisoryId, StringComparer.Ordinal))
        {
            WriteVulnerability(writer, [.. group], refs);
            await ReportJson.FlushIfFullAsync(writer, cancellationToken);
        }
        writer.WriteEndArray();
        writer.WriteEndObject();
        await writer.FlushAsync(cancellationToken);
    }

    private static void WriteMetadata(Utf8JsonWriter writer, ScanReport report, ImageNameParts parts, string imageDigest, string imagePurl)
    {
        writer.WriteStartObject("metadata");
        writer.WriteString("timestamp", ReportTimestamps.Seconds(report.GeneratedAt));
        writer.WriteStartObject("tools");
        writer.WriteStartArray("components");
        writer.WriteStartObject();
        writer.WriteString("type", "application");
        writer.WriteString("group", "berth");
        writer.WriteString("name", "berth");
        writer.WriteString("version", HarborScanner.Berth.Version);
        writer.WriteEndObject();
        writer.WriteEndArray();
        writer.WriteEndObject();

        writer.WriteStartObject("component");
        writer.WriteString("bom-ref", imagePurl);
        // A scanned directory is the application itself, with no digest or package URL of its own.
        var directory = report.Image.IsDirectory;
        writer.WriteString("type", directory ? "application" : "container");
        writer.WriteString("name", directory ? report.Image.Name : parts.Repository);
        if (!directory)
        {
            writer.WriteString("version", imageDigest);
            writer.WriteString("purl", imagePurl);
        }
        writer.WriteStartArray("properties");
        if (!directory) Property(writer, "berth:ImageID", report.Image.ConfigDigest);
        foreach (var layer in report.Image.Layers) Property(writer, "berth:DiffID", layer.DiffId);
        if (report.OperatingSystem is { } os) Property(writer, "berth:OS", $"{os.Family} {os.Version}");
        if (parts.Tag is { } tag) Property(writer, "berth:RepoTag", $"{parts.Repository}:{tag}");
        if (report.Image.ManifestDigest is { } digest) Property(writer, "berth:RepoDigest", $"{parts.Repository}@{digest}");
        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static void WriteComponent(Utf8JsonWriter writer, Package package, (string Purl, string Ref) reference)
    {
        writer.WriteStartObject();
        writer.WriteString("bom-ref", reference.Ref);
        writer.WriteString("type", "library");
        writer.WriteString("name", package.Name);
        writer.WriteString("version", package.Version);
        writer.WriteString("purl", reference.Purl);
        if (package.License is { Length: > 0 } license)
        {
            writer.WriteStartArray("licenses");
            writer.WriteStartObject();
            if (SpdxLicenseExpression.IsValid(license)) writer.WriteString("expression", license.Trim());
            else
            {
                writer.WriteStartObject("license");
                writer.WriteString("name", license.Trim());
                writer.WriteEndObject();
            }
            writer.WriteEndObject();
            writer.WriteEndArray();
        }
        writer.WriteStartArray("properties");
        Property(writer, "berth:PkgType", ImageEcosystemType(package));
        if (package.FilePath is { } path) Property(writer, "berth:FilePath", path);
        if (package.LayerDiffId is { } diffId) Property(writer, "berth:LayerDiffID", diffId);
        if (package.SourceName is { } source && package.SourceName != package.Name) Property(writer, "berth:SrcName", source);
        if (package.SourceVersion is { } sourceVersion && sourceVersion != package.Version) Property(writer, "berth:SrcVersion", sourceVersion);
        if (package.ThirdParty) Property(writer, "berth:ThirdParty", "true");
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteVulnerability(Utf8JsonWriter writer, List<Finding> findings, ComponentRefs refs)
    {
        var first = findings[0];
        writer.WriteStartObject();
        writer.WriteString("id", first.AdvisoryId);
        writer.WriteStartObject("source");
        writer.WriteString("name", first.Source);
        ReportJson.WriteIfPresent(writer, "url", AdvisoryLinks.PrimaryUrl(first.AdvisoryId));
        writer.WriteEndObject();
        if (first.Aliases.Count > 0)
        {
            writer.WriteStartArray("references");
            foreach (var alias in first.Aliases)
            {
                writer.WriteStartObject();
                writer.WriteString("id", alias);
                writer.WriteStartObject("source");
                ReportJson.WriteIfPresent(writer, "url", AdvisoryLinks.PrimaryUrl(alias));
                writer.WriteEndObject();
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
        }
        writer.WriteStartArray("ratings");
        writer.WriteStartObject();
        writer.WriteStartObject("source");
        writer.WriteString("name", first.Source);
        writer.WriteEndObject();
        if (first.CvssScore is { } score) writer.WriteNumber("score", score);
        writer.WriteString("severity", SeverityNames.CycloneDx(first.Severity));
        if (first.CvssVector is { Length: > 0 } vector)
        {
            writer.WriteString("method", vector.StartsWith("CVSS:3.1/", StringComparison.Ordinal) ? "CVSSv31"
                : vector.StartsWith("CVSS:3.0/", StringComparison.Ordinal) ? "CVSSv3" : "CVSSv2");
            writer.WriteString("vector", vector);
        }
        writer.WriteEndObject();
        writer.WriteEndArray();
        ReportJson.WriteIfPresent(writer, "description", first.Summary);
        var upgrades = findings.Where(f => f.FixedVersions.Count > 0)
            .Select(f => $"{f.PackageName} to {string.Join(" or ", f.FixedVersions)}").Distinct(StringComparer.Ordinal).ToList();
        if (upgrades.Count > 0) writer.WriteString("recommendation", $"Upgrade {string.Join("; ", upgrades)}");
        writer.WriteStartArray("affects");
        foreach (var finding in findings)
        {
            if (refs.RefOf(finding.PackageName, finding.InstalledVersion, finding.FilePath) is not { } reference) continue;
            writer.WriteStartObject();
            writer.WriteString("ref", reference);
            writer.WriteStartArray("versions");
            writer.WriteStartObject();
            writer.WriteString("version", finding.InstalledVersion);
            writer.WriteString("status", "affected");
            writer.WriteEndObject();
            writer.WriteEndArray();
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static string ImageEcosystemType(Package package) =>
        Layers.ImageInventory.IsOsEcosystem(package.Ecosystem) ? package.Ecosystem.ToString().ToLowerInvariant() : LanguageTypes.Of(package);

    private static void Property(Utf8JsonWriter writer, string name, string value)
    {
        writer.WriteStartObject();
        writer.WriteString("name", name);
        writer.WriteString("value", value);
        writer.WriteEndObject();
    }
}
