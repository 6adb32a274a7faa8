using System.Text.Encodings.Web;
using System.Text.Json;

namespace Berth.Scanning.Reports.Formats;

/// <summary>
/// Harbor's SBOM report (<c>application/vnd.security.sbom.report+json; version=1.0</c>, Pluggable Scanner spec 1.2):
/// <c>{generated_at, artifact, scanner, vendor_attributes, media_type, sbom}</c>, where <c>sbom</c> is the SPDX or
/// CycloneDX document itself, not a string. The document is written straight into the envelope as the format
/// streams it, so a large inventory is never held whole.
/// </summary>
/// <param name="document">The SBOM format to embed (<see cref="SpdxFormat"/> or <see cref="CycloneDxFormat"/>).</param>
public sealed class HarborSbomReport(IReportFormat document, HarborReportContext? context = null, HarborScanner? scanner = null)
{
    public const string ReportMediaType = "application/vnd.security.sbom.report+json; version=1.0";

    /// <summary>The media type of the embedded document, which the envelope's <c>media_type</c> names.</summary>
    public string DocumentMediaType => document.MediaType;

    public async Task WriteAsync(ScanReport report, Stream output, CancellationToken cancellationToken)
    {
        var about = context ?? HarborReportContext.None;
        var artifact = new HarborArtifact(
            about.Repository ?? report.Image.Name,
            about.Digest ?? report.Image.ManifestDigest ?? report.Image.ConfigDigest,
            about.Tag,
            about.MimeType);

        // Validation is off only so that "sbom" can be left without a value here: the format writes that value to the
        // same stream, with its own writer, between the two flushes.
        await using (var writer = new Utf8JsonWriter(output, new JsonWriterOptions
        {
            SkipValidation = true,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        }))
        {
            writer.WriteStartObject();
            writer.WriteString("generated_at", ReportTimestamps.Precise(report.GeneratedAt));
            // Through elements, not JsonSerializer.Serialize(writer, …), which flushes synchronously: a response body refuses that.
            writer.WritePropertyName("artifact");
            JsonSerializer.SerializeToElement(artifact, HarborJson.Options).WriteTo(writer);
            writer.WritePropertyName("scanner");
            JsonSerializer.SerializeToElement(scanner ?? HarborScanner.Berth, HarborJson.Options).WriteTo(writer);
            // The spec's free-form map; Berth has nothing to add beyond the document, but Harbor's model expects an object.
            writer.WriteStartObject("vendor_attributes");
            writer.WriteEndObject();
            writer.WriteString("media_type", document.MediaType);
            writer.WritePropertyName("sbom");
            await writer.FlushAsync(cancellationToken);
        }

        await document.WriteAsync(report, output, cancellationToken);
        await output.WriteAsync("}"u8.ToArray(), cancellationToken);
        await output.FlushAsync(cancellationToken);
    }
}
