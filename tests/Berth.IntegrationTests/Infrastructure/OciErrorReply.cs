using System.Text.Json;

namespace Berth.IntegrationTests.Infrastructure;

/// <summary>The first error of a /v2 error body, <c>{"errors":[{"code","message","detail"}]}</c>.</summary>
public sealed record OciErrorReply(string Code, string Message)
{
    public static async Task<OciErrorReply> ReadAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        try
        {
            using var json = JsonDocument.Parse(body);
            var first = json.RootElement.GetProperty("errors")[0];
            return new OciErrorReply(first.GetProperty("code").GetString()!, first.GetProperty("message").GetString()!);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or IndexOutOfRangeException or InvalidOperationException)
        {
            throw new InvalidOperationException($"{(int)response.StatusCode} response has no OCI error body: '{body}'", e);
        }
    }
}
