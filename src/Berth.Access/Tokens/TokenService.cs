using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Berth.Access.Tokens;

/// <summary>
/// Issues and validates the registry's bearer tokens: JWTs signed RS256 with <see cref="TokenSigningKey"/>,
/// carrying Docker's <c>access</c> claim. Validation accepts only RS256 under this key, for this
/// service, from this issuer, inside its validity window — so <c>alg: none</c>, a foreign key, another
/// audience and an expired token are all refused.
/// </summary>
public sealed class TokenService(TokenSigningKey key, TokenOptions options, TimeProvider time)
{
    /// <summary>Clock skew tolerated between replicas.</summary>
    private static readonly TimeSpan Leeway = TimeSpan.FromSeconds(30);

    public TokenOptions Options => options;

    public IssuedToken Issue(string subject, IReadOnlyList<AccessEntry> access)
    {
        var now = time.GetUtcNow();
        var expires = now + options.Lifetime;
        var header = new JsonObject { ["typ"] = "JWT", ["alg"] = "RS256", ["kid"] = key.KeyId };
        var accessArray = new JsonArray();
        foreach (var entry in access)
        {
            accessArray.Add(new JsonObject
            {
                ["type"] = entry.Type,
                ["name"] = entry.Name,
                ["actions"] = new JsonArray(entry.Actions.Select(a => (JsonNode?)JsonValue.Create(a)).ToArray()),
            });
        }
        var payload = new JsonObject
        {
            ["iss"] = options.Issuer,
            ["sub"] = subject,
            ["aud"] = options.Service,
            ["exp"] = expires.ToUnixTimeSeconds(),
            ["nbf"] = now.ToUnixTimeSeconds(),
            ["iat"] = now.ToUnixTimeSeconds(),
            ["jti"] = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
            ["access"] = accessArray,
        };
        var signingInput = $"{Encode(header)}.{Encode(payload)}";
        var signature = key.Rsa.SignData(Encoding.ASCII.GetBytes(signingInput), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return new IssuedToken($"{signingInput}.{Base64Url.Encode(signature)}", now, expires);
    }

    /// <summary>The token's claims, or null with <paramref name="reason"/> saying why it is refused.</summary>
    public RegistryToken? Validate(string token, out string reason)
    {
        var parts = token.Split('.');
        if (parts.Length != 3) return Refuse("the token is not a JWT", out reason);
        if (!Base64Url.TryDecode(parts[0], out var headerBytes) || !Base64Url.TryDecode(parts[1], out var payloadBytes)
            || !Base64Url.TryDecode(parts[2], out var signature))
        {
            return Refuse("the token is not valid base64url", out reason);
        }

        try
        {
            using var header = JsonDocument.Parse(headerBytes);
            if (String(header.RootElement, "alg") != "RS256")
                return Refuse("the token is not signed with RS256", out reason);

            var signingInput = Encoding.ASCII.GetBytes($"{parts[0]}.{parts[1]}");
            if (!key.Rsa.VerifyData(signingInput, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1))
                return Refuse("the token's signature does not verify", out reason);

            using var payload = JsonDocument.Parse(payloadBytes);
            return ReadClaims(payload.RootElement, out reason);
        }
        catch (JsonException)
        {
            return Refuse("the token's header or claims are not JSON", out reason);
        }
    }

    private RegistryToken? ReadClaims(JsonElement claims, out string reason)
    {
        if (String(claims, "iss") != options.Issuer) return Refuse("the token has another issuer", out reason);
        if (!HasAudience(claims, options.Service)) return Refuse("the token is for another service", out reason);
        var now = time.GetUtcNow();
        if (!TryTime(claims, "exp", out var expires)) return Refuse("the token has no expiry", out reason);
        if (now > expires + Leeway) return Refuse("the token has expired", out reason);
        if (claims.TryGetProperty("nbf", out _))
        {
            if (!TryTime(claims, "nbf", out var notBefore)) return Refuse("the token's not-before time is not a time", out reason);
            if (now + Leeway < notBefore) return Refuse("the token is not valid yet", out reason);
        }

        var access = new List<AccessEntry>();
        if (claims.TryGetProperty("access", out var entries) && entries.ValueKind == JsonValueKind.Array)
        {
            foreach (var entry in entries.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.Object))
            {
                var actions = entry.TryGetProperty("actions", out var a) && a.ValueKind == JsonValueKind.Array
                    ? a.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.String).Select(x => x.GetString()!).ToArray()
                    : [];
                access.Add(new AccessEntry(String(entry, "type") ?? "", String(entry, "name") ?? "", actions));
            }
        }
        reason = "";
        return new RegistryToken(String(claims, "sub") ?? "", expires, access);
    }

    private static bool HasAudience(JsonElement claims, string service)
    {
        if (!claims.TryGetProperty("aud", out var aud)) return false;
        return aud.ValueKind switch
        {
            JsonValueKind.String => aud.GetString() == service,
            JsonValueKind.Array => aud.EnumerateArray().Any(a => a.ValueKind == JsonValueKind.String && a.GetString() == service),
            _ => false,
        };
    }

    /// <summary>A NumericDate claim (seconds since the epoch) that a <see cref="DateTimeOffset"/> can hold, padded by the leeway.</summary>
    private static bool TryTime(JsonElement claims, string name, out DateTimeOffset time)
    {
        time = default;
        if (!claims.TryGetProperty(name, out var value) || value.ValueKind != JsonValueKind.Number || !value.TryGetInt64(out var seconds))
            return false;
        var earliest = DateTimeOffset.MinValue + Leeway;
        var latest = DateTimeOffset.MaxValue - Leeway;
        if (seconds < earliest.ToUnixTimeSeconds() || seconds > latest.ToUnixTimeSeconds()) return false;
        time = DateTimeOffset.FromUnixTimeSeconds(seconds);
        return true;
    }

    private static string? String(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    private static string Encode(JsonNode node) => Base64Url.Encode(Encoding.UTF8.GetBytes(node.ToJsonString()));

    private static RegistryToken? Refuse(string why, out string reason)
    {
        reason = why;
        return null;
    }
}
