using System.Text.Json.Serialization;

namespace Berth.Api.ScannerAdapter.Registrations;

/// <summary>The body of <c>PATCH /scanners/{id}</c>: make (or stop making) it the system default.</summary>
public sealed record DefaultScannerRequest([property: JsonPropertyName("is_default")] bool? IsDefault);
