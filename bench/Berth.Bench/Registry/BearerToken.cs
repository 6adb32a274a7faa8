using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Berth.Bench.Registry;

/// <summary>A token from the registry's token service and the moment to fetch a fresh one.</summary>
public sealed record BearerToken(string Value, long RefreshAtTimestamp)
{
    /// <summary>Built once and shared by every request that carries the token (the value is immutable).</summary>
    public AuthenticationHeaderValue Header { get; } = new("Bearer", Value);

    // The Docker token protocol's default when the answer has no expires_in.
    private const int DefaultLifetimeSeconds = 60;

    // Refresh a little early, so no request goes out with a token that expires in flight.
    private const double RefreshMargin = 0.9;

    public bool IsStale => Stopwatch.GetTimestamp() >= RefreshAtTimestamp;

    /// <summary>Reads <c>{"token":…}</c> or <c>{"access_token":…}</c>, with the optional <c>expires_in</c>.</summary>
    public static BearerToken Parse(ReadOnlySpan<byte> body)
    {
        try
        {
            var reader = new Utf8JsonReader(body);
            using var document = JsonDocument.ParseValue(ref reader);
            var root = document.RootElement;
            var value = Text(root, "token") ?? Text(root, "access_token")
                ?? throw new HttpRequestException("token answer has neither token nor access_token");
            var lifetime = root.TryGetProperty("expires_in", out var expires) && expires.TryGetInt32(out var seconds) && seconds > 0
                ? seconds
                : DefaultLifetimeSeconds;
            var refreshAt = Stopwatch.GetTimestamp() + (long)(lifetime * RefreshMargin * Stopwatch.Frequency);
            return new BearerToken(value, refreshAt);
        }
        catch (JsonException e)
        {
            throw new HttpRequestException($"token answer is not JSON: {e.Message}", e);
        }
    }

    private static string? Text(JsonElement root, string name) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text
            ? text
            : null;
}
