using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Berth.Scanning.Packages;

namespace Berth.Scanning.Reports.Formats;

/// <summary>
/// An SPDX 2.3 JSON document of the image: one package for the image, one per installed package (with its purl as a
/// PACKAGE-MANAGER reference), the document DESCRIBES the image and the image CONTAINS each package. Licenses are
/// declared only when the package's text reads as an SPDX expression; nothing is concluded (NOASSERTION).
/// </summary>
public sealed class SpdxFormat : IReportFormat
{
    private const string NoAssertion = "NOASSERTION";

    private const string ImageId = "SPDXRef-Image";

    public string Name => "spdx";

    public string MediaType => "application/spdx+json";

    public async Task WriteAsync(ScanReport report, Stream output, CancellationToken cancellationToken)
    {
        var refs = new ComponentRefs(report.Packages, report.OperatingSystem);
        var packages = refs.Packages;
        var ids = new HashSet<string>(StringComparer.Ordinal) { ImageId };
        var parts = ImageNameParts.Of(report.Image.Name);
        var imageDigest = report.Image.ManifestDigest ?? report.Image.ConfigDigest;

        await using var writer = ReportJson.Writer(output);
        writer.WriteStartObject();
        writer.WriteString("spdxVersion", "SPDX-2.3");
        writer.WriteString("dataLicense", "CC0-1.0");
        writer.WriteString("SPDXID", "SPDXRef-DOCUMENT");
        writer.WriteString("name", report.Image.Name);
        // Derived from the image and its inventory, not random: the same report renders to the same bytes (sbom_digest).
        writer.WriteString("documentNamespace",
            $"https://berth.invalid/spdx/{SafeId(parts.Repository).ToLowerInvariant()}-{SbomIdentity.Of(report, "spdx"):D}");
        writer.WriteStartObject("creationInfo");
        writer.WriteString("created", ReportTimestamps.Seconds(report.GeneratedAt));
        ReportJson.WriteStrings(writer, "creators", ["Organization: Berth", $"Tool: berth-{HarborScanner.Berth.Version}"]);
        writer.WriteEndObject();

        writer.WriteStartArray("packages");
        if (report.Image.IsDirectory)
            WritePackage(writer, ImageId, report.Image.Name, "", null, null, "SOURCE", null);
        else
            WritePackage(writer, ImageId, parts.Repository, imageDigest, null,
                PackageUrl.ForImage(parts.Repository, imageDigest, parts.Tag, report.Image.Architecture).ToString(), "CONTAINER", null);
        var spdxIds = new List<string>(packages.Count);
        foreach (var package in packages)
        {
            var (purl, reference) = refs.Of(package);
            var id = UniqueId(ids, package, reference);
            spdxIds.Add(id);
            var declared = SpdxLicenseExpression.IsValid(package.License) ? package.License!.Trim() : NoAssertion;
            WritePackage(writer, id, package.Name, package.Version, declared, purl, "LIBRARY",
                package.FilePath is { } path ? $"package found in: {path}" : null);
            await ReportJson.FlushIfFullAsync(writer, cancellationToken);
        }
        writer.WriteEndArray();

        writer.WriteStartArray("relationships");
        WriteRelationship(writer, "SPDXRef-DOCUMENT", "DESCRIBES", ImageId);
        foreach (var id in spdxIds)
        {
            WriteRelationship(writer, ImageId, "CONTAINS", id);
            await ReportJson.FlushIfFullAsync(writer, cancellationToken);
        }
        writer.WriteEndArray();
        writer.WriteEndObject();
        await writer.FlushAsync(cancellationToken);
    }

    /// <param name="version">"" for what has none (a scanned directory, a go.mod's own module): left out.</param>
    /// <param name="purl">Null for what has no package URL (a scanned directory).</param>
    private static void WritePackage(Utf8JsonWriter writer, string id, string name, string version, string? declared, string? purl, string purpose, string? sourceInfo)
    {
        writer.WriteStartObject();
        writer.WriteString("SPDXID", id);
        writer.WriteString("name", name);
        ReportJson.WriteIfPresent(writer, "versionInfo", version);
        writer.WriteString("downloadLocation", NoAssertion);
        // Berth reads package databases, not the packages' files: nothing was analysed file by file.
        writer.WriteBoolean("filesAnalyzed", false);
        writer.WriteString("licenseConcluded", NoAssertion);
        writer.WriteString("licenseDeclared", declared ?? NoAssertion);
        writer.WriteString("copyrightText", NoAssertion);
        writer.WriteString("primaryPackagePurpose", purpose);
        ReportJson.WriteIfPresent(writer, "sourceInfo", sourceInfo);
        if (purl is not null)
        {
            writer.WriteStartArray("externalRefs");
            writer.WriteStartObject();
            writer.WriteString("referenceCategory", "PACKAGE-MANAGER");
            writer.WriteString("referenceType", "purl");
            writer.WriteString("referenceLocator", purl);
            writer.WriteEndObject();
            writer.WriteEndArray();
        }
        writer.WriteEndObject();
    }

    private static void WriteRelationship(Utf8JsonWriter writer, string element, string type, string related)
    {
        writer.WriteStartObject();
        writer.WriteString("spdxElementId", element);
        writer.WriteString("relationshipType", type);
        writer.WriteString("relatedSpdxElement", related);
        writer.WriteEndObject();
    }

    /// <summary>"SPDXRef-Package-npm-express-1a2b3c4d": readable, within SPDX's [A-Za-z0-9.-], and unique in the document.</summary>
    private static string UniqueId(HashSet<string> used, Package package, string reference)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{reference}\n{package.FilePath}")))[..8];
        var id = $"SPDXRef-Package-{SafeId(package.Ecosystem.ToString().ToLowerInvariant())}-{SafeId(package.Name)}-{hash}";
        var candidate = id;
        for (var n = 2; !used.Add(candidate); n++) candidate = $"{id}-{n}";
        return candidate;
    }

    private static string SafeId(string text)
    {
        var safe = new StringBuilder(text.Length);
        foreach (var c in text) safe.Append(char.IsAsciiLetterOrDigit(c) || c is '.' or '-' ? c : '-');
        return safe.ToString().Trim('-') is { Length: > 0 } trimmed ? trimmed : "x";
    }
}
