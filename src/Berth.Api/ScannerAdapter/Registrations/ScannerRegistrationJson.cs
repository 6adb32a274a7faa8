using System.Text.Json.Serialization;

namespace Berth.Api.ScannerAdapter.Registrations;

/// <summary>
/// Harbor's <c>ScannerRegistration</c>. The access credential is never sent back: it is a secret for the adapter,
/// and a client that changes a registration sends it again.
/// </summary>
public sealed record ScannerRegistrationJson(
    [property: JsonPropertyName("uuid")] string Uuid,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("description")] string Description,
    [property: JsonPropertyName("url")] string Url,
    [property: JsonPropertyName("disabled")] bool Disabled,
    [property: JsonPropertyName("is_default")] bool IsDefault,
    [property: JsonPropertyName("auth")] string Auth,
    [property: JsonPropertyName("skip_certVerify")] bool SkipCertVerify,
    [property: JsonPropertyName("use_internal_addr")] bool UseInternalAddr,
    [property: JsonPropertyName("create_time")] DateTimeOffset CreateTime,
    [property: JsonPropertyName("update_time")] DateTimeOffset UpdateTime,
    [property: JsonPropertyName("adapter")] string? Adapter = null,
    [property: JsonPropertyName("vendor")] string? Vendor = null,
    [property: JsonPropertyName("version")] string? Version = null);
