using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Berth.IntegrationTests.Infrastructure;

namespace Berth.IntegrationTests.BadInput;

/// <summary>Manifests Berth must refuse, each with the spec's code, without storing a row or a file.</summary>
public sealed class ManifestRejectionTests(BerthServerFixture fixture) : IClassFixture<BerthServerFixture>, IDisposable
{
    private const string Repository = "project/manifests";
    private readonly HttpClient _client = fixture.Server.CreateClient();

    [Fact]
    public async Task MalformedJson_IsInvalid()
    {
        var before = await SnapshotAsync();

        using var response = await Registry.PutManifestAsync(Repository, "broken", """{"schemaVersion":2,"config":"""u8.ToArray(), TestManifests.OciManifest);

        await OciAssert.ErrorAsync(response, HttpStatusCode.BadRequest, "MANIFEST_INVALID");
        await AssertUnchangedAsync(before);
    }

    [Fact]
    public async Task ManifestNamingABlobTheRepositoryLacks_IsBlobUnknown()
    {
        var config = TestManifests.Config("missing-layer");
        var configDigest = await Registry.PushBlobOrFailAsync(Repository, config);
        var absentLayer = ContentDigest.Of(TestContent.Random(100, seed: 40));
        var manifest = TestManifests.Image((configDigest, config.Length), (absentLayer, 100));
        var before = await SnapshotAsync();

        using var response = await Registry.PutManifestAsync(Repository, "missing", manifest, TestManifests.OciManifest);

        var error = await OciAssert.ErrorAsync(response, HttpStatusCode.BadRequest, "MANIFEST_BLOB_UNKNOWN");
        Assert.Contains(absentLayer, error.Message);
        await AssertUnchangedAsync(before);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task ManifestOverFourMebibytes_IsTooLarge(bool declaresLength)
    {
        var before = await SnapshotAsync();
        var manifest = new JsonObject
        {
            ["schemaVersion"] = 2,
            ["mediaType"] = TestManifests.OciManifest,
            ["annotations"] = new JsonObject { ["padding"] = new string('x', 4 * 1024 * 1024) },
        };
        HttpContent body = declaresLength
            ? new ByteArrayContent(Encoding.UTF8.GetBytes(manifest.ToJsonString()))
            : new UnsizedContent(Encoding.UTF8.GetBytes(manifest.ToJsonString()));
        body.Headers.TryAddWithoutValidation("Content-Type", TestManifests.OciManifest);

        using var response = await _client.PutAsync($"v2/{Repository}/manifests/huge", body);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("SIZE_INVALID", (await OciErrorReply.ReadAsync(response)).Code);
        await AssertUnchangedAsync(before);
    }

    [Theory]
    [InlineData("application/vnd.docker.distribution.manifest.v1+prettyjws")]
    [InlineData("application/vnd.docker.distribution.manifest.v1+json")]
    [InlineData("application/json")]
    public async Task DockerSchema1_IsRefusedAsUnsupported(string contentType)
    {
        var before = await SnapshotAsync();
        var schema1 = $$"""
            {"schemaVersion":1,"name":"{{Repository}}","tag":"old","architecture":"amd64",
             "fsLayers":[{"blobSum":"{{ContentDigest.Of("layer"u8)}}"}],"history":[{"v1Compatibility":"{}"}]}
            """;

        using var response = await Registry.PutManifestAsync(Repository, "old", Encoding.UTF8.GetBytes(schema1), contentType);

        var error = await OciAssert.ErrorAsync(response, HttpStatusCode.BadRequest, "MANIFEST_INVALID");
        Assert.Contains("schema 1", error.Message);
        Assert.Contains("not supported", error.Message);
        await AssertUnchangedAsync(before);
    }

    [Fact]
    public async Task MediaTypeThatContradictsContentType_IsInvalid()
    {
        var config = TestManifests.Config("mismatch");
        var configDigest = await Registry.PushBlobOrFailAsync(Repository, config);
        // A manifest that would be accepted as what it says it is: only the Content-Type is wrong.
        var manifest = TestManifests.Image((configDigest, config.Length));
        var before = await SnapshotAsync();

        using var response = await Registry.PutManifestAsync(Repository, "mismatch", manifest, "application/vnd.docker.distribution.manifest.v2+json");

        var error = await OciAssert.ErrorAsync(response, HttpStatusCode.BadRequest, "MANIFEST_INVALID");
        Assert.Contains("Content-Type", error.Message);
        await AssertUnchangedAsync(before);
        using var accepted = await Registry.PutManifestAsync(Repository, "mismatch", manifest, TestManifests.OciManifest);
        Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
    }

    private RegistryHttp Registry => new(_client);

    private Task<StorageSnapshot> SnapshotAsync() => StorageSnapshot.TakeAsync(fixture.Server.DataDirectory);

    private async Task AssertUnchangedAsync(StorageSnapshot before) => Assert.Equal(before.Lines, (await SnapshotAsync()).Lines);

    public void Dispose() => _client.Dispose();

    /// <summary>A body sent without Content-Length (chunked), so the server learns its size only by reading it.</summary>
    private sealed class UnsizedContent(byte[] content) : HttpContent
    {
        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => stream.WriteAsync(content).AsTask();

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
