using System.Net;
using Berth.IntegrationTests.Infrastructure;

namespace Berth.IntegrationTests.BadInput;

/// <summary>A blob GET whose Range cannot be served is answered 416 with the blob's size, not with wrong bytes.</summary>
public sealed class BlobRangeTests(BerthServerFixture fixture) : IClassFixture<BerthServerFixture>, IDisposable
{
    private const string Repository = "project/ranges";
    private const int Size = 1000;
    private readonly HttpClient _client = fixture.Server.CreateClient();

    [Theory]
    [InlineData("bytes=1000-1100")]
    [InlineData("bytes=5000-")]
    [InlineData("bytes=500-100")]
    [InlineData("bytes=abc-def")]
    [InlineData("bytes=-0")]
    [InlineData("items=0-10")]
    public async Task UnsatisfiableOrMalformedRange_IsRefused(string range)
    {
        var digest = await new RegistryHttp(_client).PushBlobOrFailAsync(Repository, TestContent.Random(Size, seed: 60));
        var before = await StorageSnapshot.TakeAsync(fixture.Server.DataDirectory);

        using var response = await GetAsync(digest, range);

        // HTTP's own answer: 416 and the blob's size. No spec error code describes a download range.
        Assert.Equal(HttpStatusCode.RequestedRangeNotSatisfiable, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal($"bytes */{Size}", response.Content.Headers.GetValues("Content-Range").Single());
        Assert.Equal(before.Lines, (await StorageSnapshot.TakeAsync(fixture.Server.DataDirectory)).Lines);
    }

    [Fact]
    public async Task SatisfiableRange_ServesExactlyThoseBytes()
    {
        var content = TestContent.Random(Size, seed: 61);
        var digest = await new RegistryHttp(_client).PushBlobOrFailAsync(Repository, content);

        using var response = await GetAsync(digest, "bytes=990-2000");

        Assert.Equal(HttpStatusCode.PartialContent, response.StatusCode);
        Assert.Equal($"bytes 990-999/{Size}", response.Content.Headers.GetValues("Content-Range").Single());
        Assert.Equal(content[990..], await response.Content.ReadAsByteArrayAsync());
    }

    private Task<HttpResponseMessage> GetAsync(string digest, string range)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, $"v2/{Repository}/blobs/{digest}");
        request.Headers.TryAddWithoutValidation("Range", range);
        return _client.SendAsync(request);
    }

    public void Dispose() => _client.Dispose();
}
