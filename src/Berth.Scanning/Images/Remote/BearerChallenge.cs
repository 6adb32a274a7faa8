using System.Net.Http.Headers;

namespace Berth.Scanning.Images.Remote;

/// <summary>
/// A registry's <c>WWW-Authenticate: Bearer realm="…",service="…",scope="…"</c> answer: where to exchange the
/// credentials for a token. Only an http(s) realm is taken, so a challenge cannot point the scanner at another scheme.
/// </summary>
public sealed record BearerChallenge(Uri Realm, string? Service, string? Scope)
{
    public static BearerChallenge? Of(HttpHeaderValueCollection<AuthenticationHeaderValue> challenges)
    {
        foreach (var challenge in challenges)
        {
            if (!string.Equals(challenge.Scheme, "Bearer", StringComparison.OrdinalIgnoreCase) || challenge.Parameter is null) continue;
            var parameters = Parameters(challenge.Parameter);
            if (!parameters.TryGetValue("realm", out var realmText) || !Uri.TryCreate(realmText, UriKind.Absolute, out var realm)) continue;
            if (realm.Scheme != Uri.UriSchemeHttp && realm.Scheme != Uri.UriSchemeHttps) continue;
            return new BearerChallenge(realm, parameters.GetValueOrDefault("service"), parameters.GetValueOrDefault("scope"));
        }
        return null;
    }

    /// <summary>The token request: the realm with <c>service</c> and <c>scope</c> (pull on the repository unless the challenge named one).</summary>
    public Uri TokenAddress(string repository)
    {
        var query = new List<string>();
        if (Service is { } service) query.Add($"service={Uri.EscapeDataString(service)}");
        query.Add($"scope={Uri.EscapeDataString(Scope ?? $"repository:{repository}:pull")}");
        var builder = new UriBuilder(Realm);
        var existing = builder.Query.TrimStart('?');
        builder.Query = string.Join('&', existing.Length > 0 ? [existing, .. query] : query);
        return builder.Uri;
    }

    /// <summary>Comma-separated <c>key="value"</c> pairs; a comma inside quotes belongs to the value.</summary>
    private static Dictionary<string, string> Parameters(string text)
    {
        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && (text[i] == ',' || char.IsWhiteSpace(text[i]))) i++;
            var equals = text.IndexOf('=', i);
            if (equals < 0) break;
            var key = text[i..equals].Trim();
            i = equals + 1;
            string value;
            if (i < text.Length && text[i] == '"')
            {
                var close = text.IndexOf('"', i + 1);
                if (close < 0) close = text.Length;
                value = text[(i + 1)..close];
                i = close + 1;
            }
            else
            {
                var comma = text.IndexOf(',', i);
                if (comma < 0) comma = text.Length;
                value = text[i..comma].Trim();
                i = comma;
            }
            result[key] = value;
        }
        return result;
    }
}
