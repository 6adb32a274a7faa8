using System.Text;
using System.Text.Json;
using Berth.Core.Errors;
using Berth.Registry.Http;
using Microsoft.AspNetCore.Http;

namespace Berth.Registry.Tests.Http;

public sealed class OciErrorResponseTests
{
    private const string Sha = "sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    private static async Task<(HttpResponse Response, string Body)> WriteAsync(OciError error, string method = "GET")
    {
        var context = new DefaultHttpContext();
        context.Request.Method = method;
        var body = new MemoryStream();
        context.Response.Body = body;

        await OciErrorResponse.WriteAsync(context, error);
        await context.Response.CompleteAsync();

        return (context.Response, Encoding.UTF8.GetString(body.ToArray()));
    }

    [Fact]
    public async Task WriteAsync_ErrorWithDetail_WritesTheSpecEnvelopeAndStatus()
    {
        var error = OciErrorCode.BlobUnknown.With($"blob {Sha} is not in repository team/app", detail: new { digest = Sha });

        var (response, body) = await WriteAsync(error);

        Assert.Equal(404, response.StatusCode);
        Assert.Equal("application/json", response.ContentType);
        using var json = JsonDocument.Parse(body);
        var root = json.RootElement;
        Assert.Equal(["errors"], root.EnumerateObject().Select(p => p.Name));
        var entry = Assert.Single(root.GetProperty("errors").EnumerateArray());
        Assert.Equal(["code", "message", "detail"], entry.EnumerateObject().Select(p => p.Name));
        Assert.Equal("BLOB_UNKNOWN", entry.GetProperty("code").GetString());
        Assert.Equal($"blob {Sha} is not in repository team/app", entry.GetProperty("message").GetString());
        Assert.Equal(Sha, entry.GetProperty("detail").GetProperty("digest").GetString());
    }

    [Fact]
    public async Task WriteAsync_ErrorWithoutDetail_WritesNullDetail()
    {
        var (response, body) = await WriteAsync(OciErrorCode.Unauthorized.Default());

        Assert.Equal(401, response.StatusCode);
        var entry = JsonDocument.Parse(body).RootElement.GetProperty("errors")[0];
        Assert.Equal("UNAUTHORIZED", entry.GetProperty("code").GetString());
        Assert.Equal("authentication required", entry.GetProperty("message").GetString());
        Assert.Equal(JsonValueKind.Null, entry.GetProperty("detail").ValueKind);
    }

    [Fact]
    public async Task WriteAsync_StatusOverride_IsTheResponseStatus()
    {
        var (response, body) = await WriteAsync(OciErrorCode.Unsupported.With("bad page size", 400));

        Assert.Equal(400, response.StatusCode);
        Assert.Equal("UNSUPPORTED", JsonDocument.Parse(body).RootElement.GetProperty("errors")[0].GetProperty("code").GetString());
    }

    [Fact]
    public async Task WriteAsync_MessageWithQuotes_StaysReadable()
    {
        var (_, body) = await WriteAsync(OciErrorCode.ManifestInvalid.With("manifest mediaType 'a+json' is \"odd\" <here>"));

        Assert.Contains("manifest mediaType 'a+json' is \\\"odd\\\" <here>", body);
    }

    [Fact]
    public async Task WriteAsync_Head_SetsStatusWithoutBody()
    {
        var (response, body) = await WriteAsync(OciErrorCode.ManifestUnknown.Default(), "HEAD");

        Assert.Equal(404, response.StatusCode);
        Assert.Equal("", body);
    }
}
