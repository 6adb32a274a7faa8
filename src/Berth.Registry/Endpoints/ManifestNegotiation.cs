using System.Text.Json;
using Berth.Core;
using Microsoft.AspNetCore.Http;

namespace Berth.Registry.Endpoints;

/// <summary>
/// Content negotiation for manifest GET/HEAD: a stored manifest is served when the request's
/// <c>Accept</c> allows its media type. A client that cannot read a Docker manifest list gets the list's
/// linux/amd64 image instead, as Distribution does for older clients.
/// </summary>
public static class ManifestNegotiation
{
    public static bool Accepts(HttpRequest request, string mediaType)
    {
        var accept = request.Headers.Accept;
        if (accept.Count == 0) return true;
        var any = false;
        foreach (var value in accept)
        {
            if (string.IsNullOrEmpty(value)) continue;
            foreach (var part in value.Split(','))
            {
                var essence = MediaTypes.Essence(part);
                if (essence.Length == 0) continue;
                any = true;
                if (IsRefused(part)) continue;
                if (essence == mediaType || essence is "*/*" or "application/*") return true;
            }
        }
        return !any;
    }

    /// <summary>A media range with <c>q=0</c> means "not this one" (RFC 9110 §12.4.2).</summary>
    private static bool IsRefused(string mediaRange)
    {
        foreach (var parameter in mediaRange.Split(';').Skip(1))
        {
            var pair = parameter.Split('=', 2);
            if (pair.Length == 2 && pair[0].Trim().Equals("q", StringComparison.OrdinalIgnoreCase)
                && double.TryParse(pair[1].Trim(), System.Globalization.CultureInfo.InvariantCulture, out var q) && q == 0)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>The digest of a manifest list's linux/amd64 entry, if it has one.</summary>
    public static Digest? DefaultPlatform(byte[] indexContent)
    {
        using var json = JsonDocument.Parse(indexContent);
        if (!json.RootElement.TryGetProperty("manifests", out var manifests)) return null;
        foreach (var entry in manifests.EnumerateArray())
        {
            if (!entry.TryGetProperty("platform", out var platform)) continue;
            if (StringProperty(platform, "os") == "linux" && StringProperty(platform, "architecture") == "amd64"
                && Digest.TryParse(StringProperty(entry, "digest"), out var parsed))
            {
                return parsed;
            }
        }
        return null;
    }

    /// <summary>The property's value when it is a JSON string; the parser lets other kinds through in platform fields.</summary>
    private static string? StringProperty(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
