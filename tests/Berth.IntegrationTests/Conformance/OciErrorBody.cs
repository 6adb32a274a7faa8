using System.Net;
using System.Text.Json;

namespace Berth.IntegrationTests.Conformance;

/// <summary>
/// Checks an error response against the spec's "Error Codes" section: a JSON body
/// <c>{"errors":[{"code","message","detail"}]}</c> whose codes come from the spec's closed list.
/// The spec makes <c>message</c> and <c>detail</c> optional; Berth always sends both (detail may be
/// null), and these tests hold it to that.
/// </summary>
public static class OciErrorBody
{
    /// <summary>The codes the spec allows ("The code field MUST be one of the following").</summary>
    public static readonly IReadOnlySet<string> SpecCodes = new HashSet<string>(StringComparer.Ordinal)
    {
        "BLOB_UNKNOWN", "BLOB_UPLOAD_INVALID", "BLOB_UPLOAD_UNKNOWN", "DIGEST_INVALID", "MANIFEST_BLOB_UNKNOWN",
        "MANIFEST_INVALID", "MANIFEST_UNKNOWN", "NAME_INVALID", "NAME_UNKNOWN", "SIZE_INVALID", "UNAUTHORIZED",
        "DENIED", "UNSUPPORTED", "TOOMANYREQUESTS",
    };

    /// <summary>
    /// Asserts the status, the JSON envelope and that the first error has <paramref name="code"/>;
    /// returns the first error's <c>detail</c> for further checks.
    /// </summary>
    public static async Task<JsonElement> AssertAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"expected {(int)status} {code}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);

        using var json = JsonDocument.Parse(body);
        var errors = json.RootElement.GetProperty("errors");
        Assert.Equal(JsonValueKind.Array, errors.ValueKind);
        Assert.NotEqual(0, errors.GetArrayLength());
        foreach (var error in errors.EnumerateArray())
        {
            var errorCode = error.GetProperty("code").GetString();
            Assert.True(errorCode is not null && SpecCodes.Contains(errorCode), $"'{errorCode}' is not one of the spec's error codes: {body}");
            Assert.False(string.IsNullOrWhiteSpace(error.GetProperty("message").GetString()), $"error without a message: {body}");
            Assert.True(error.TryGetProperty("detail", out _), $"error without a detail member: {body}");
        }
        var first = errors[0];
        Assert.Equal(code, first.GetProperty("code").GetString());
        return first.GetProperty("detail").Clone();
    }
}
