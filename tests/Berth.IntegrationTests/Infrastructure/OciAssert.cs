using System.Net;

namespace Berth.IntegrationTests.Infrastructure;

/// <summary>Assertions on /v2 error replies.</summary>
public static class OciAssert
{
    /// <summary>Asserts the status and the spec's error code, and returns the error for further checks.</summary>
    public static async Task<OciErrorReply> ErrorAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"expected {(int)status} {code}, got {(int)response.StatusCode}: {body}");
        var error = await OciErrorReply.ReadAsync(response);
        Assert.Equal(code, error.Code);
        Assert.False(string.IsNullOrWhiteSpace(error.Message), "the error has no message");
        return error;
    }
}
