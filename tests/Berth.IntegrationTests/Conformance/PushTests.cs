using System.Net;
using System.Net.Http.Headers;
using Berth.IntegrationTests.Infrastructure;

namespace Berth.IntegrationTests.Conformance;

/// <summary>
/// The distribution-spec conformance "Push" workflow: blob uploads (streamed, monolithic, chunked)
/// and cross-repository mounts here; manifest uploads in PushTests.Manifests.cs.
/// </summary>
public sealed partial class PushTests(BerthServerFixture fixture) : IClassFixture<BerthServerFixture>, IDisposable
{
    private static readonly string DummyDigest = OciContent.ComputeDigest("hello world"u8);

    private readonly OciClient _client = new(fixture.Server.CreateClient());

    public void Dispose() => _client.Http.Dispose();

    [Fact]
    public async Task Setup_EmptyJsonBlob_HasTheWellKnownDigestAndUploads()
    {
        var repository = RepositoryNames.Unique("push");
        Assert.Equal("sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a", ImageBuilder.EmptyJson.Digest);

        using var created = await _client.PushBlobAsync(repository, ImageBuilder.EmptyJson);

        Assert.Equal(ImageBuilder.EmptyJson.Digest, created.Headers.GetValues("Docker-Content-Digest").Single());
    }

    // --- Blob Upload Streamed ---

    [Fact]
    public async Task StreamedPatch_ThenPutWithDigest_Returns202Then201()
    {
        var repository = RepositoryNames.Unique("push");
        var blob = ImageBuilder.RandomLayer(42);
        using var started = await _client.StartUploadAsync(repository);
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);

        // No Content-Length and no Content-Range: the body arrives as a chunked stream.
        using var patch = new HttpRequestMessage(HttpMethod.Patch, _client.UploadLocation(started))
        {
            Content = new StreamContent(new MemoryStream(blob.Bytes)),
        };
        patch.Content.Headers.ContentType = new MediaTypeHeaderValue(OciMediaTypes.OctetStream);
        patch.Headers.TransferEncodingChunked = true;
        using var patched = await _client.SendAsync(patch);
        Assert.Equal(HttpStatusCode.Accepted, patched.StatusCode);
        Assert.Equal($"0-{blob.Size - 1}", patched.Headers.GetValues("Range").Single());

        using var put = await _client.SendAsync(HttpMethod.Put, OciClient.WithDigest(_client.UploadLocation(patched), blob.Digest), OciClient.Empty());

        Assert.Equal(HttpStatusCode.Created, put.StatusCode);
        Assert.Equal($"/v2/{repository}/blobs/{blob.Digest}", put.Headers.Location?.OriginalString);
        await AssertBlobAsync(repository, blob);
    }

    // --- Blob Upload Monolithic ---

    [Fact]
    public async Task GetBlob_BeforeAnyPush_Returns404()
    {
        using var response = await _client.SendAsync(HttpMethod.Get, $"v2/{RepositoryNames.Unique("push")}/blobs/{DummyDigest}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task PostWithDigestAndBlob_Returns201_AndTheBlobIsReadableAtLocation()
    {
        var repository = RepositoryNames.Unique("push");
        var config = ImageBuilder.RandomConfig();

        using var created = await _client.StartUploadAsync(repository, $"?digest={config.Digest}", OciClient.Octets(config.Bytes));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(config.Digest, created.Headers.GetValues("Docker-Content-Digest").Single());
        using var fetched = await _client.SendAsync(HttpMethod.Get, _client.UploadLocation(created).ToString());
        Assert.Equal(HttpStatusCode.OK, fetched.StatusCode);
        Assert.Equal(config.Bytes, await fetched.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Post_YieldsASession_ThenPutWithTheBlob_Returns201()
    {
        var repository = RepositoryNames.Unique("push");
        var config = ImageBuilder.RandomConfig();

        using var started = await _client.StartUploadAsync(repository);
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        Assert.StartsWith($"/v2/{repository}/blobs/uploads/", started.Headers.Location?.OriginalString);
        Assert.Equal("0-0", started.Headers.GetValues("Range").Single());

        using var put = await _client.SendAsync(HttpMethod.Put, OciClient.WithDigest(_client.UploadLocation(started), config.Digest), OciClient.Octets(config.Bytes));

        Assert.Equal(HttpStatusCode.Created, put.StatusCode);
        Assert.Equal($"/v2/{repository}/blobs/{config.Digest}", put.Headers.Location?.OriginalString);
        Assert.Equal(config.Digest, put.Headers.GetValues("Docker-Content-Digest").Single());
        await AssertBlobAsync(repository, config);
    }

    [Fact]
    public async Task PutOfALayerBlob_Returns201_AndTheLayerIsReadable()
    {
        var repository = RepositoryNames.Unique("push");
        var layer = ImageBuilder.RandomLayer(64 * 1024);

        await _client.PushBlobsAsync(repository, layer);

        await AssertBlobAsync(repository, layer);
    }

    [Fact]
    public async Task EmptyBlob_UploadsInOneRequestAndThroughASession()
    {
        var empty = OciContent.Of([], OciMediaTypes.LayerGzip);
        Assert.Equal("sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", empty.Digest);

        var monolithic = RepositoryNames.Unique("push");
        using (var created = await _client.StartUploadAsync(monolithic, $"?digest={empty.Digest}", OciClient.Octets([])))
        {
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }
        await AssertBlobAsync(monolithic, empty);

        var session = RepositoryNames.Unique("push");
        using (var put = await _client.PushBlobAsync(session, empty))
        {
            Assert.Equal(empty.Digest, put.Headers.GetValues("Docker-Content-Digest").Single());
        }
        using var head = await _client.SendAsync(HttpMethod.Head, $"v2/{session}/blobs/{empty.Digest}");
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(0, head.Content.Headers.ContentLength);
    }

    [Fact]
    public async Task Sha512Blob_UploadsInOneRequestAndThroughASession_AndIsAddressedBySha512()
    {
        var repository = RepositoryNames.Unique("push");
        var single = ImageBuilder.RandomLayer(1000, algorithm: "sha512");
        var chunked = ImageBuilder.RandomLayer(3000, algorithm: "sha512");
        Assert.StartsWith("sha512:", single.Digest);

        using (var created = await _client.StartUploadAsync(repository, $"?digest={single.Digest}", OciClient.Octets(single.Bytes)))
        {
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            Assert.Equal($"/v2/{repository}/blobs/{single.Digest}", created.Headers.Location?.OriginalString);
            Assert.Equal(single.Digest, created.Headers.GetValues("Docker-Content-Digest").Single());
        }
        await AssertBlobAsync(repository, single);

        using var started = await _client.StartUploadAsync(repository);
        using var first = await _client.SendAsync(HttpMethod.Patch, _client.UploadLocation(started).ToString(), OciClient.Chunk(chunked.Bytes, 0, 1000));
        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        using var last = await _client.SendAsync(
            HttpMethod.Put, OciClient.WithDigest(_client.UploadLocation(first), chunked.Digest), OciClient.Chunk(chunked.Bytes, 1000, 2000));
        Assert.Equal(HttpStatusCode.Created, last.StatusCode);
        await AssertBlobAsync(repository, chunked);
    }

    [Fact]
    public async Task PutWithTheWrongDigest_Returns400DigestInvalid_AndStoresNothing()
    {
        var repository = RepositoryNames.Unique("push");
        var blob = ImageBuilder.RandomLayer(100);
        var other = OciContent.ComputeDigest("something else"u8);
        using var started = await _client.StartUploadAsync(repository);

        using var put = await _client.SendAsync(HttpMethod.Put, OciClient.WithDigest(_client.UploadLocation(started), other), OciClient.Octets(blob.Bytes));

        await OciErrorBody.AssertAsync(put, HttpStatusCode.BadRequest, "DIGEST_INVALID");
        foreach (var digest in new[] { other, blob.Digest })
        {
            using var head = await _client.SendAsync(HttpMethod.Head, $"v2/{repository}/blobs/{digest}");
            Assert.Equal(HttpStatusCode.NotFound, head.StatusCode);
        }
    }

    [Theory]
    [InlineData("sha256:totallywrong")]
    [InlineData("sha256:E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855")]
    [InlineData("md5:d41d8cd98f00b204e9800998ecf8427e")]
    [InlineData("not-a-digest")]
    public async Task PostWithAMalformedDigest_Returns400DigestInvalid(string digest)
    {
        var repository = RepositoryNames.Unique("push");

        using var response = await _client.StartUploadAsync(repository, $"?digest={Uri.EscapeDataString(digest)}", OciClient.Octets([1, 2, 3]));

        await OciErrorBody.AssertAsync(response, HttpStatusCode.BadRequest, "DIGEST_INVALID");
    }

    // --- Blob Upload Chunked ---

    [Fact]
    public async Task OutOfOrderChunk_Returns416()
    {
        var blob = ImageBuilder.RandomLayer(42);
        var (chunk1, chunk2) = SplitChunks(blob);
        using var started = await _client.StartUploadAsync(RepositoryNames.Unique("push"));

        using var response = await _client.SendAsync(HttpMethod.Patch, _client.UploadLocation(started).ToString(), OciClient.Chunk(blob.Bytes, chunk1, chunk2));

        await AssertRangeNotSatisfiableAsync(response, expectedRange: "0-0");
    }

    [Fact]
    public async Task FirstChunk_Returns202WithItsRange_AndRetryingItReturns416()
    {
        var blob = ImageBuilder.RandomLayer(42);
        var (chunk1, _) = SplitChunks(blob);
        using var started = await _client.StartUploadAsync(RepositoryNames.Unique("push"));
        var session = _client.UploadLocation(started).ToString();

        using var first = await _client.SendAsync(HttpMethod.Patch, session, OciClient.Chunk(blob.Bytes, 0, chunk1));
        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal($"0-{chunk1 - 1}", first.Headers.GetValues("Range").Single());

        using var retry = await _client.SendAsync(HttpMethod.Patch, session, OciClient.Chunk(blob.Bytes, 0, chunk1));
        await AssertRangeNotSatisfiableAsync(retry, expectedRange: $"0-{chunk1 - 1}");
    }

    [Fact]
    public async Task UploadStatus_Returns204WithRangeAndLocation()
    {
        var blob = ImageBuilder.RandomLayer(42);
        var (chunk1, _) = SplitChunks(blob);
        using var started = await _client.StartUploadAsync(RepositoryNames.Unique("push"));
        var session = _client.UploadLocation(started).ToString();
        using var first = await _client.SendAsync(HttpMethod.Patch, session, OciClient.Chunk(blob.Bytes, 0, chunk1));

        using var status = await _client.SendAsync(HttpMethod.Get, session);

        Assert.Equal(HttpStatusCode.NoContent, status.StatusCode);
        Assert.NotNull(status.Headers.Location);
        Assert.Equal($"0-{chunk1 - 1}", status.Headers.GetValues("Range").Single());
    }

    [Fact]
    public async Task TwoChunks_ThenPutWithDigestAndNoBody_Returns201()
    {
        var repository = RepositoryNames.Unique("push");
        var blob = ImageBuilder.RandomLayer(42);
        var (chunk1, chunk2) = SplitChunks(blob);
        using var started = await _client.StartUploadAsync(repository);
        using var first = await _client.SendAsync(HttpMethod.Patch, _client.UploadLocation(started).ToString(), OciClient.Chunk(blob.Bytes, 0, chunk1));
        using var status = await _client.SendAsync(HttpMethod.Get, _client.UploadLocation(first).ToString());

        using var second = await _client.SendAsync(HttpMethod.Patch, _client.UploadLocation(status).ToString(), OciClient.Chunk(blob.Bytes, chunk1, chunk2));
        Assert.Equal(HttpStatusCode.Accepted, second.StatusCode);
        Assert.Equal($"0-{blob.Size - 1}", second.Headers.GetValues("Range").Single());
        Assert.NotNull(second.Headers.Location);

        using var put = await _client.SendAsync(HttpMethod.Put, OciClient.WithDigest(_client.UploadLocation(second), blob.Digest), OciClient.Empty());
        Assert.Equal(HttpStatusCode.Created, put.StatusCode);
        Assert.NotNull(put.Headers.Location);
        await AssertBlobAsync(repository, blob);
    }

    [Fact]
    public async Task PutCarryingTheLastChunk_Returns201()
    {
        var repository = RepositoryNames.Unique("push");
        var blob = ImageBuilder.RandomLayer(42);
        var (chunk1, chunk2) = SplitChunks(blob);
        using var started = await _client.StartUploadAsync(repository);
        using var first = await _client.SendAsync(HttpMethod.Patch, _client.UploadLocation(started).ToString(), OciClient.Chunk(blob.Bytes, 0, chunk1));

        using var put = await _client.SendAsync(
            HttpMethod.Put, OciClient.WithDigest(_client.UploadLocation(first), blob.Digest), OciClient.Chunk(blob.Bytes, chunk1, chunk2));

        Assert.Equal(HttpStatusCode.Created, put.StatusCode);
        Assert.Equal($"/v2/{repository}/blobs/{blob.Digest}", put.Headers.Location?.OriginalString);
        await AssertBlobAsync(repository, blob);
    }

    [Fact]
    public async Task CancelledUpload_IsUnknownAfterwards()
    {
        using var started = await _client.StartUploadAsync(RepositoryNames.Unique("push"));
        var session = _client.UploadLocation(started).ToString();

        using var cancelled = await _client.SendAsync(HttpMethod.Delete, session);
        Assert.Equal(HttpStatusCode.NoContent, cancelled.StatusCode);

        using var status = await _client.SendAsync(HttpMethod.Get, session);
        await OciErrorBody.AssertAsync(status, HttpStatusCode.NotFound, "BLOB_UPLOAD_UNKNOWN");
        using var patch = await _client.SendAsync(HttpMethod.Patch, session, OciClient.Chunk([1, 2, 3], 0, 3));
        await OciErrorBody.AssertAsync(patch, HttpStatusCode.NotFound, "BLOB_UPLOAD_UNKNOWN");
    }

    // --- Cross-Repository Blob Mount ---

    [Fact]
    public async Task MountWithoutFrom_YieldsAnUploadSession()
    {
        var target = RepositoryNames.Unique("push");

        using var response = await _client.StartUploadAsync(target, $"?mount={DummyDigest}");

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.StartsWith($"/v2/{target}/blobs/uploads/", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task MountFromARepositoryHoldingTheBlob_Returns201_AndTheBlobIsReadableInTheTarget()
    {
        var source = RepositoryNames.Unique("push");
        var target = RepositoryNames.Unique("push", "mount-target");
        var blob = ImageBuilder.RandomLayer(42);
        await _client.PushBlobsAsync(source, blob);

        using var mounted = await _client.StartUploadAsync(target, $"?mount={blob.Digest}&from={source}");

        Assert.Equal(HttpStatusCode.Created, mounted.StatusCode);
        Assert.Equal($"/v2/{target}/blobs/{blob.Digest}", mounted.Headers.Location?.OriginalString);
        Assert.Equal(blob.Digest, mounted.Headers.GetValues("Docker-Content-Digest").Single());
        using var fetched = await _client.SendAsync(HttpMethod.Get, _client.UploadLocation(mounted).ToString());
        Assert.Equal(HttpStatusCode.OK, fetched.StatusCode);
        Assert.Equal(blob.Bytes, await fetched.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task MountFromARepositoryLackingTheBlob_FallsBackToAnUsableSession()
    {
        var source = RepositoryNames.Unique("push");
        var target = RepositoryNames.Unique("push", "mount-target");
        var blob = ImageBuilder.RandomLayer(42);
        await _client.PushBlobsAsync(source, ImageBuilder.RandomLayer(42));

        using var fallback = await _client.StartUploadAsync(target, $"?mount={blob.Digest}&from={source}");

        Assert.Equal(HttpStatusCode.Accepted, fallback.StatusCode);
        Assert.StartsWith($"/v2/{target}/blobs/uploads/", fallback.Headers.Location?.OriginalString);
        using var put = await _client.SendAsync(HttpMethod.Put, OciClient.WithDigest(_client.UploadLocation(fallback), blob.Digest), OciClient.Octets(blob.Bytes));
        Assert.Equal(HttpStatusCode.Created, put.StatusCode);
        await AssertBlobAsync(target, blob);
    }

    /// <summary>The suite's chunk split: the first chunk is one byte more than half.</summary>
    private static (int First, int Second) SplitChunks(OciContent blob)
    {
        var first = (int)blob.Size / 2 + 1;
        return (first, (int)blob.Size - first);
    }

    /// <summary>A 416 for a chunk: the spec's status, a Range saying what the session holds, and the error body.</summary>
    private static async Task AssertRangeNotSatisfiableAsync(HttpResponseMessage response, string expectedRange)
    {
        await OciErrorBody.AssertAsync(response, HttpStatusCode.RequestedRangeNotSatisfiable, "BLOB_UPLOAD_INVALID");
        Assert.Equal(expectedRange, response.Headers.GetValues("Range").Single());
        Assert.NotNull(response.Headers.Location);
    }

    private async Task AssertBlobAsync(string repository, OciContent blob)
    {
        using var response = await _client.SendAsync(HttpMethod.Get, $"v2/{repository}/blobs/{blob.Digest}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(blob.Digest, response.Headers.GetValues("Docker-Content-Digest").Single());
        Assert.Equal(blob.Bytes, await response.Content.ReadAsByteArrayAsync());
    }
}
