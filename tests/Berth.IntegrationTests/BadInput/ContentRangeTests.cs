using System.Net;
using Berth.IntegrationTests.Infrastructure;

namespace Berth.IntegrationTests.BadInput;

/// <summary>A chunk whose Content-Range is malformed or does not continue the session is refused with 416.</summary>
public sealed class ContentRangeTests(BerthServerFixture fixture) : IClassFixture<BerthServerFixture>, IDisposable
{
    private const int FirstChunk = 1000;
    private readonly HttpClient _client = fixture.Server.CreateClient();

    [Theory]
    [InlineData("abc")]
    [InlineData("-999")]
    [InlineData("1999-1000")]
    public async Task MalformedContentRange_IsRefused(string contentRange)
    {
        var registry = new RegistryHttp(_client);
        var (location, before) = await StartSessionAsync(registry);

        using var response = await registry.PatchAsync(location, TestContent.Random(FirstChunk, seed: 31), contentRange);

        await OciAssert.ErrorAsync(response, HttpStatusCode.RequestedRangeNotSatisfiable, "BLOB_UPLOAD_INVALID");
        await AssertSessionUnchangedAsync(registry, location, before);
    }

    [Theory]
    [InlineData(2000)]
    [InlineData(0)]
    [InlineData(999)]
    public async Task ChunkThatDoesNotStartWhereTheSessionEnds_IsRefused(int start)
    {
        var registry = new RegistryHttp(_client);
        var (location, before) = await StartSessionAsync(registry);

        using var response = await registry.PatchAsync(location, TestContent.Random(FirstChunk, seed: 32), start);

        await OciAssert.ErrorAsync(response, HttpStatusCode.RequestedRangeNotSatisfiable, "BLOB_UPLOAD_INVALID");
        // The refusal tells the client where to resume.
        Assert.Equal($"0-{FirstChunk - 1}", RegistryHttp.ReportedRange(response));
        await AssertSessionUnchangedAsync(registry, location, before);
    }

    /// <summary>A session holding one chunk, and the storage as it is then.</summary>
    private async Task<(string Location, StorageSnapshot Before)> StartSessionAsync(RegistryHttp registry)
    {
        var location = await registry.StartUploadOrFailAsync("project/ranges");
        using (var first = await registry.PatchAsync(location, TestContent.Random(FirstChunk, seed: 30), start: 0))
            await RegistryHttp.EnsureStatusAsync(first, HttpStatusCode.Accepted);
        return (location, await StorageSnapshot.TakeAsync(fixture.Server.DataDirectory));
    }

    private async Task AssertSessionUnchangedAsync(RegistryHttp registry, string location, StorageSnapshot before)
    {
        Assert.Equal(before.Lines, (await StorageSnapshot.TakeAsync(fixture.Server.DataDirectory)).Lines);
        using var status = await registry.UploadStatusAsync(location);
        Assert.Equal(HttpStatusCode.NoContent, status.StatusCode);
        Assert.Equal($"0-{FirstChunk - 1}", RegistryHttp.ReportedRange(status));
    }

    public void Dispose() => _client.Dispose();
}
