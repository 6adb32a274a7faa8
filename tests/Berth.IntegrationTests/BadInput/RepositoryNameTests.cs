using System.Net;
using Berth.IntegrationTests.Infrastructure;

namespace Berth.IntegrationTests.BadInput;

/// <summary>Names outside the spec's grammar are refused with NAME_INVALID before anything is stored.</summary>
public sealed class RepositoryNameTests(BerthServerFixture fixture) : IClassFixture<BerthServerFixture>, IDisposable
{
    private readonly HttpClient _client = fixture.Server.CreateClient();

    public static TheoryData<string> InvalidNames => new()
    {
        "Project/Team",
        "project//team",
        "-project/team",
        "project/team-",
        "project/te$m",
        "project/" + new string('a', 250),
    };

    [Theory]
    [MemberData(nameof(InvalidNames))]
    public async Task BlobPush_ToAnInvalidName_IsRefused(string name)
    {
        var before = await SnapshotAsync();

        using var response = await new RegistryHttp(_client).PushBlobAsync(name, TestContent.Random(100, seed: 50));

        await OciAssert.ErrorAsync(response, HttpStatusCode.BadRequest, "NAME_INVALID");
        Assert.Equal(before.Lines, (await SnapshotAsync()).Lines);
    }

    [Theory]
    [MemberData(nameof(InvalidNames))]
    public async Task ManifestPut_ToAnInvalidName_IsRefused(string name)
    {
        var before = await SnapshotAsync();
        var manifest = TestManifests.Image((ContentDigest.Of("config"u8), 6));

        using var response = await new RegistryHttp(_client).PutManifestAsync(name, "latest", manifest, TestManifests.OciManifest);

        await OciAssert.ErrorAsync(response, HttpStatusCode.BadRequest, "NAME_INVALID");
        Assert.Equal(before.Lines, (await SnapshotAsync()).Lines);
    }

    private Task<StorageSnapshot> SnapshotAsync() => StorageSnapshot.TakeAsync(fixture.Server.DataDirectory);

    public void Dispose() => _client.Dispose();
}
