using System.Text.Json.Serialization;

namespace Berth.Api.ScannerAdapter.Registrations;

/// <summary>The body of <c>PUT /projects/{p}/scanner</c>: the registration the project scans with.</summary>
public sealed record ProjectScannerRequest([property: JsonPropertyName("uuid")] string? Uuid);
