using System.Text.Json.Serialization;
using Berth.Scanning.Reports.Formats;

namespace Berth.Api.ScannerAdapter;

/// <summary>The spec's <c>ScannerAdapterMetadata</c>: who the scanner is, what it consumes and produces, and properties.</summary>
public sealed record AdapterMetadataJson(
    [property: JsonPropertyName("scanner")] HarborScanner Scanner,
    [property: JsonPropertyName("capabilities")] IReadOnlyList<AdapterCapabilityJson> Capabilities,
    [property: JsonPropertyName("properties")] IReadOnlyDictionary<string, string> Properties);
