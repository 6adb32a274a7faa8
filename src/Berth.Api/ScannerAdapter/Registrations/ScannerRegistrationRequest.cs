using System.Text.Json.Serialization;

namespace Berth.Api.ScannerAdapter.Registrations;

/// <summary>Harbor's <c>ScannerRegistrationReq</c> (POST and PUT <c>/scanners</c>) and the settings <c>/scanners/ping</c> takes.</summary>
public sealed record ScannerRegistrationRequest(
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("description")] string? Description,
    [property: JsonPropertyName("url")] string? Url,
    [property: JsonPropertyName("auth")] string? Auth,
    [property: JsonPropertyName("access_credential")] string? AccessCredential,
    [property: JsonPropertyName("skip_certVerify")] bool? SkipCertVerify,
    [property: JsonPropertyName("use_internal_addr")] bool? UseInternalAddr,
    [property: JsonPropertyName("disabled")] bool? Disabled)
{
    private static readonly string[] AuthTypes = ["", "Basic", "Bearer", "X-ScannerAdapter-API-Key"];

    /// <summary>The message naming the wrong field, or null.</summary>
    public string? Validate()
    {
        if (string.IsNullOrWhiteSpace(Name) || Name.Length > 128) return "name is required and at most 128 characters";
        if (!Uri.TryCreate(Url, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
            return $"url '{Url}' is not an http or https URL";
        if (!string.IsNullOrEmpty(url.Query) || !string.IsNullOrEmpty(url.UserInfo)) return "url must not carry a query or credentials";
        var auth = Auth ?? "";
        if (!AuthTypes.Contains(auth)) return $"auth '{auth}' is not one of \"\", Basic, Bearer, X-ScannerAdapter-API-Key";
        if (auth.Length > 0 && string.IsNullOrEmpty(AccessCredential)) return $"auth {auth} needs an access_credential";
        if (auth == "Basic" && !AccessCredential!.Contains(':')) return "a Basic access_credential is username:password";
        if (AccessCredential is { } credential && (credential.Contains('\r') || credential.Contains('\n'))) return "access_credential must be one line";
        return null;
    }
}
