using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Berth.Scanning.Images;

namespace Berth.Scanning.Reports.Storage;

/// <summary>
/// The form a <see cref="ScanReport"/> is kept in by the registry's database: JSON of the image's identity, the
/// inventory, the findings and the warnings, so a stored report can be re-matched after an advisory import and
/// shown in any format without reading a layer again. Reading it back gives the same report, except that its
/// layers cannot be opened: a stored report is never a way to reach blobs.
/// </summary>
public static class ScanReportDocument
{
    /// <summary>The shape written now; a document of another shape is refused rather than half read.</summary>
    public const int Format = 1;

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        RespectNullableAnnotations = true,
        TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { LeaveOutDerivedProperties } },
    };

    public static string Serialize(ScanReport report) => JsonSerializer.Serialize(new StoredReportJson(
        Format,
        new StoredImageJson(report.Image.Name, report.Image.ManifestDigest, report.Image.ConfigDigest, report.Image.Os,
            report.Image.Architecture, [.. report.Image.Layers.Select(layer => new StoredLayerJson(layer.DiffId, layer.Digest))]),
        report.GeneratedAt,
        report.OperatingSystem,
        report.Packages,
        report.Findings,
        report.InventoryWarnings,
        report.MatchWarnings), Json);

    /// <summary>The report, or null with the reason when the text is not a stored report of this format.</summary>
    public static ScanReport? Deserialize(string json, out string? error)
    {
        StoredReportJson? stored;
        try
        {
            stored = JsonSerializer.Deserialize<StoredReportJson>(json, Json);
        }
        catch (JsonException exception)
        {
            error = $"the stored report is not valid: {exception.Message}";
            return null;
        }
        if (stored is null || stored.Format != Format || stored.Image is null)
        {
            error = $"the stored report has format {stored?.Format.ToString() ?? "none"}, not {Format}";
            return null;
        }

        error = null;
        var image = stored.Image;
        return new ScanReport
        {
            Image = new ImageToScan(image.Name, image.ManifestDigest, image.ConfigDigest, image.Os, image.Architecture,
                [.. image.Layers.Select(layer => new LayerToScan(layer.DiffId, layer.Digest, NotReadable))]),
            GeneratedAt = stored.GeneratedAt,
            OperatingSystem = stored.OperatingSystem,
            Packages = stored.Packages ?? [],
            Findings = stored.Findings ?? [],
            InventoryWarnings = stored.InventoryWarnings ?? [],
            MatchWarnings = stored.MatchWarnings ?? [],
        };
    }

    private static Task<Stream> NotReadable(CancellationToken cancellationToken) =>
        throw new InvalidOperationException("a layer of a stored report was opened; stored reports are re-matched, never re-read");

    /// <summary>Properties computed from others (Finding.Fixable, IsVulnerability) are not stored: they follow from what is.</summary>
    private static void LeaveOutDerivedProperties(JsonTypeInfo info)
    {
        if (info.Kind != JsonTypeInfoKind.Object) return;
        for (var i = info.Properties.Count - 1; i >= 0; i--)
        {
            // Positional records' properties have init setters, so only truly computed ones lack a setter.
            if (info.Properties[i].Set is null) info.Properties.RemoveAt(i);
        }
    }
}
