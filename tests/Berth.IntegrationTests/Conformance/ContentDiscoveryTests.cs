using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Berth.IntegrationTests.Infrastructure;

namespace Berth.IntegrationTests.Conformance;

/// <summary>
/// The distribution-spec conformance "Content Discovery" workflow: tag listing with <c>n</c>, <c>last</c>
/// and <c>Link</c>, the catalog, and the referrers API over OCI 1.1 artifacts.
/// </summary>
public sealed partial class ContentDiscoveryTests(BerthServerFixture fixture) : IClassFixture<BerthServerFixture>, IDisposable
{
    private const string AnnotationKey = "org.opencontainers.conformance.test";
    private const string ArtifactTypeA = "application/vnd.nhl.peanut.butter.bagel";
    private const string ArtifactTypeB = "application/vnd.nba.strawberry.jam.croissant";
    private const string ArtifactTypeIndex = "application/vnd.food.stand";
    private static readonly string DummyDigest = OciContent.ComputeDigest("hello world"u8);
    private static readonly string[] SetupTags = ["test0", "test1", "test2", "test3"];

    private readonly OciClient _client = new(fixture.Server.CreateClient());

    public void Dispose() => _client.Http.Dispose();

    // --- Listing tags ---

    [Fact]
    public async Task TagsList_Returns200WithTheNameAndEveryTag()
    {
        var repository = await PushTaggedAsync(SetupTags);

        using var response = await _client.SendAsync(HttpMethod.Get, $"v2/{repository}/tags/list");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var (name, tags) = await ReadTagListAsync(response);
        Assert.Equal(repository, name);
        Assert.Equal(SetupTags, tags);
    }

    [Fact]
    public async Task TagsList_N_LimitsTheCount_AndLinksToTheNextPage()
    {
        var repository = await PushTaggedAsync(SetupTags);

        using var response = await _client.SendAsync(HttpMethod.Get, $"v2/{repository}/tags/list?n=2");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["test0", "test1"], (await ReadTagListAsync(response)).Tags);
        var next = NextLink(response);
        Assert.NotNull(next);
        Assert.Equal($"/v2/{repository}/tags/list", next.Split('?')[0]);
        Assert.Contains("n=2", next);
        Assert.Contains("last=test1", next);
    }

    [Fact]
    public async Task TagsList_Last_StartsAfterThatTag()
    {
        var repository = await PushTaggedAsync(SetupTags);

        using var response = await _client.SendAsync(HttpMethod.Get, $"v2/{repository}/tags/list?n=2&last=test1");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var tags = (await ReadTagListAsync(response)).Tags;
        Assert.Equal(["test2", "test3"], tags);
        Assert.DoesNotContain("test1", tags);
    }

    [Fact]
    public async Task TagsList_FollowingTheLink_ReachesAShortLastPageWithoutOne()
    {
        var repository = await PushTaggedAsync(SetupTags);

        using var first = await _client.SendAsync(HttpMethod.Get, $"v2/{repository}/tags/list?n=3");
        Assert.Equal(["test0", "test1", "test2"], (await ReadTagListAsync(first)).Tags);
        var next = NextLink(first);
        Assert.NotNull(next);

        using var last = await _client.SendAsync(HttpMethod.Get, next.TrimStart('/'));
        Assert.Equal(["test3"], (await ReadTagListAsync(last)).Tags);
        Assert.Null(NextLink(last));
    }

    [Fact]
    public async Task TagsList_IsInLexicalOrder_WhateverThePushOrder()
    {
        string[] pushed = ["latest", "v2", "1.0", "Alpha", "alpha", "0.9", "_private", "release-10", "release-2", "release-1", "ZULU"];
        var repository = await PushTaggedAsync(pushed);
        var expected = pushed.Order(StringComparer.Ordinal).ToArray();

        Assert.Equal(expected, await _client.ListTagsAsync(repository));
        Assert.Equal(expected, await FollowLinksAsync($"v2/{repository}/tags/list?n=3", "tags"));
    }

    [Fact]
    public async Task TagsList_OfAnUnknownRepository_Returns404NameUnknown()
    {
        using var response = await _client.SendAsync(HttpMethod.Get, $"v2/{RepositoryNames.Unique("discovery")}/tags/list");

        await OciErrorBody.AssertAsync(response, HttpStatusCode.NotFound, "NAME_UNKNOWN");
    }

    [Fact]
    public async Task Catalog_ListsRepositoriesInOrder_AndPaginatesWithLinks()
    {
        var prefix = RepositoryNames.Unique("catalog", "group");
        string[] repositories = [$"{prefix}/c", $"{prefix}/a", $"{prefix}/b/deeper"];
        foreach (var repository in repositories) await _client.PushBlobsAsync(repository, ImageBuilder.RandomLayer(16));
        var expected = repositories.Order(StringComparer.Ordinal).ToArray();

        using var all = await _client.SendAsync(HttpMethod.Get, "v2/_catalog");
        Assert.Equal(HttpStatusCode.OK, all.StatusCode);
        var names = await ReadStringArrayAsync(all, "repositories");
        Assert.Equal(names.Order(StringComparer.Ordinal), names);
        Assert.Equal(expected, names.Where(name => name.StartsWith(prefix + "/", StringComparison.Ordinal)));

        using var first = await _client.SendAsync(HttpMethod.Get, $"v2/_catalog?n=2&last={prefix}");
        Assert.Equal(expected[..2], await ReadStringArrayAsync(first, "repositories"));
        var next = NextLink(first);
        Assert.NotNull(next);
        using var second = await _client.SendAsync(HttpMethod.Get, next.TrimStart('/'));
        Assert.Equal(expected[2], (await ReadStringArrayAsync(second, "repositories"))[0]);
    }

    // --- Listing referrers ---

    [Fact]
    public async Task Referrers_OfAnUnknownDigest_Return200WithAnEmptyIndex()
    {
        var setup = await PushReferrersSetupAsync();

        using var response = await _client.SendAsync(HttpMethod.Get, $"v2/{setup.Repository}/referrers/{DummyDigest}");

        var manifests = await ReadReferrersAsync(response);
        Assert.Empty(manifests);
    }

    [Fact]
    public async Task Referrers_OfTheSubject_ListEveryReferrerWithArtifactTypeAndAnnotations()
    {
        var setup = await PushReferrersSetupAsync();

        using var response = await _client.SendAsync(HttpMethod.Get, $"v2/{setup.Repository}/referrers/{setup.Subject.Digest}");

        var manifests = await ReadReferrersAsync(response);
        Assert.Equal(5, manifests.Count);
        Assert.Equal(5, manifests.Select(m => m.GetProperty("digest").GetString()).Distinct().Count());
        foreach (var descriptor in manifests)
        {
            var digest = descriptor.GetProperty("digest").GetString()!;
            Assert.True(setup.Referrers.TryGetValue(digest, out var expected), $"unexpected referrer {digest}");
            Assert.Equal(expected.Content.MediaType, descriptor.GetProperty("mediaType").GetString());
            Assert.Equal(expected.Content.Size, descriptor.GetProperty("size").GetInt64());
            Assert.Equal(expected.ArtifactType, descriptor.GetProperty("artifactType").GetString());
            var annotations = descriptor.GetProperty("annotations").EnumerateObject().ToList();
            Assert.Equal(AnnotationKey, Assert.Single(annotations).Name);
            Assert.Equal(expected.Annotation, annotations[0].Value.GetString());
        }
    }

    [Fact]
    public async Task Referrers_ImageManifestWithoutArtifactType_TakesItsConfigMediaType()
    {
        var setup = await PushReferrersSetupAsync();
        var configArtifact = setup.Referrers.Single(pair => pair.Value.Annotation == "test config a").Key;

        using var response = await _client.SendAsync(HttpMethod.Get, $"v2/{setup.Repository}/referrers/{setup.Subject.Digest}");

        var descriptor = (await ReadReferrersAsync(response)).Single(m => m.GetProperty("digest").GetString() == configArtifact);
        Assert.Equal(ArtifactTypeA, descriptor.GetProperty("artifactType").GetString());
    }

    [Fact]
    public async Task Referrers_FilteredByArtifactType_ListOnlyThatType_AndSaySo()
    {
        var setup = await PushReferrersSetupAsync();

        using var response = await _client.SendAsync(
            HttpMethod.Get, $"v2/{setup.Repository}/referrers/{setup.Subject.Digest}?artifactType={Uri.EscapeDataString(ArtifactTypeA)}");

        var manifests = await ReadReferrersAsync(response);
        Assert.Equal("artifactType", response.Headers.GetValues("OCI-Filters-Applied").Single());
        Assert.Equal(2, manifests.Count);
        Assert.All(manifests, m => Assert.Equal(ArtifactTypeA, m.GetProperty("artifactType").GetString()));
        Assert.Equal(["test config a", "test layer a"],
            manifests.Select(m => m.GetProperty("annotations").GetProperty(AnnotationKey).GetString()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Referrers_FilteredByAnUnusedArtifactType_ReturnAnEmptyIndex()
    {
        var setup = await PushReferrersSetupAsync();

        using var response = await _client.SendAsync(
            HttpMethod.Get, $"v2/{setup.Repository}/referrers/{setup.Subject.Digest}?artifactType=application%2Fvnd.nobody.uses.this");

        Assert.Empty(await ReadReferrersAsync(response));
        Assert.Equal("artifactType", response.Headers.GetValues("OCI-Filters-Applied").Single());
    }

    [Fact]
    public async Task Referrers_OfASubjectNeverPushed_ListTheDanglingReferrer()
    {
        var setup = await PushReferrersSetupAsync();

        using var response = await _client.SendAsync(HttpMethod.Get, $"v2/{setup.Repository}/referrers/{setup.AbsentSubject.Digest}");

        var descriptor = Assert.Single(await ReadReferrersAsync(response));
        Assert.Equal(setup.DanglingReferrer.Digest, descriptor.GetProperty("digest").GetString());
        Assert.Equal(ArtifactTypeB, descriptor.GetProperty("artifactType").GetString());
    }

    [Fact]
    public async Task Referrers_WithAMalformedDigest_Return400DigestInvalid()
    {
        var setup = await PushReferrersSetupAsync();

        using var response = await _client.SendAsync(HttpMethod.Get, $"v2/{setup.Repository}/referrers/sha256:nope");

        await OciErrorBody.AssertAsync(response, HttpStatusCode.BadRequest, "DIGEST_INVALID");
    }

    /// <summary>One config and layer, one manifest, tagged with every tag given.</summary>
    private async Task<string> PushTaggedAsync(IEnumerable<string> tags)
    {
        var repository = RepositoryNames.Unique("discovery");
        var config = ImageBuilder.RandomConfig();
        var layer = ImageBuilder.RandomLayer();
        var manifest = ImageBuilder.ImageManifest(config, [layer]);
        await _client.PushBlobsAsync(repository, config, layer);
        foreach (var tag in tags) await _client.PushManifestAsync(repository, tag, manifest);
        return repository;
    }

    /// <summary>
    /// The suite's referrers setup. Two artifacts with the subject in <c>config.mediaType</c>, two with an
    /// explicit <c>artifactType</c> over the empty config, and an index artifact all refer to one image;
    /// the first three are pushed before the image itself, as a registry must accept. A sixth artifact
    /// refers to an image that is never pushed.
    /// </summary>
    private async Task<ReferrersSetup> PushReferrersSetupAsync()
    {
        var repository = RepositoryNames.Unique("discovery");
        var blobA = OciContent.Of("NHL Peanut Butter on my NHL bagel"u8.ToArray(), ArtifactTypeA);
        var blobB = OciContent.Of("NBA Strawberry Jam on my NBA croissant"u8.ToArray(), ArtifactTypeB);
        var subjectConfig = ImageBuilder.RandomConfig();
        var subjectLayer = ImageBuilder.RandomLayer();
        var subject = ImageBuilder.ImageManifest(subjectConfig, [subjectLayer]);
        var absentSubject = ImageBuilder.ImageManifest(ImageBuilder.RandomConfig(), [subjectLayer]);
        var indexChild = await _client.PushImageAsync(repository, tag: null);
        var referrers = new Dictionary<string, ExpectedReferrer>();

        async Task PushReferrerAsync(OciContent manifest, string artifactType, string annotation)
        {
            await _client.PushManifestAsync(repository, manifest.Digest, manifest);
            referrers[manifest.Digest] = new ExpectedReferrer(manifest, artifactType, annotation);
        }

        await _client.PushBlobsAsync(repository, ImageBuilder.EmptyJson, blobA);
        await PushReferrerAsync(ImageBuilder.ImageManifest(blobA, [ImageBuilder.EmptyJson], subject: subject,
            annotations: ImageBuilder.Annotation(AnnotationKey, "test config a")), ArtifactTypeA, "test config a");
        await PushReferrerAsync(ImageBuilder.ImageManifest(ImageBuilder.EmptyJson, [blobA], artifactType: ArtifactTypeA, subject: subject,
            annotations: ImageBuilder.Annotation(AnnotationKey, "test layer a")), ArtifactTypeA, "test layer a");
        await PushReferrerAsync(ImageBuilder.Index([indexChild.Manifest], artifactType: ArtifactTypeIndex, subject: subject,
            annotations: ImageBuilder.Annotation(AnnotationKey, "test index")), ArtifactTypeIndex, "test index");

        await _client.PushBlobsAsync(repository, subjectConfig, subjectLayer);
        await _client.PushManifestAsync(repository, "tagtest0", subject);

        await _client.PushBlobsAsync(repository, blobB);
        await PushReferrerAsync(ImageBuilder.ImageManifest(blobB, [ImageBuilder.EmptyJson], subject: subject,
            annotations: ImageBuilder.Annotation(AnnotationKey, "test config b")), ArtifactTypeB, "test config b");
        await PushReferrerAsync(ImageBuilder.ImageManifest(ImageBuilder.EmptyJson, [blobB], artifactType: ArtifactTypeB, subject: subject,
            annotations: ImageBuilder.Annotation(AnnotationKey, "test layer b")), ArtifactTypeB, "test layer b");

        var dangling = ImageBuilder.ImageManifest(ImageBuilder.EmptyJson, [blobB], artifactType: ArtifactTypeB, subject: absentSubject);
        await _client.PushManifestAsync(repository, dangling.Digest, dangling);
        return new ReferrersSetup(repository, subject, absentSubject, dangling, referrers);
    }

    /// <summary>Checks the referrers response is an OCI index and returns its descriptors.</summary>
    private static async Task<List<JsonElement>> ReadReferrersAsync(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.OK, await OciClient.DescribeAsync(response));
        Assert.Equal(OciMediaTypes.ImageIndex, response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsByteArrayAsync());
        var root = json.RootElement;
        Assert.Equal(2, root.GetProperty("schemaVersion").GetInt32());
        Assert.Equal(OciMediaTypes.ImageIndex, root.GetProperty("mediaType").GetString());
        return root.GetProperty("manifests").EnumerateArray().Select(m => m.Clone()).ToList();
    }

    private static async Task<(string Name, List<string> Tags)> ReadTagListAsync(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.OK, await OciClient.DescribeAsync(response));
        using var json = JsonDocument.Parse(await response.Content.ReadAsByteArrayAsync());
        var tags = json.RootElement.GetProperty("tags").EnumerateArray().Select(t => t.GetString()!).ToList();
        return (json.RootElement.GetProperty("name").GetString()!, tags);
    }

    private static async Task<List<string>> ReadStringArrayAsync(HttpResponseMessage response, string property)
    {
        Assert.True(response.StatusCode == HttpStatusCode.OK, await OciClient.DescribeAsync(response));
        using var json = JsonDocument.Parse(await response.Content.ReadAsByteArrayAsync());
        return json.RootElement.GetProperty(property).EnumerateArray().Select(t => t.GetString()!).ToList();
    }

    /// <summary>Pages through a list by its <c>Link: &lt;…&gt;; rel="next"</c> headers, as a client would.</summary>
    private async Task<List<string>> FollowLinksAsync(string first, string property)
    {
        var all = new List<string>();
        string? next = first;
        for (var pages = 0; next is not null; pages++)
        {
            Assert.True(pages < 100, "the Link headers never stop");
            using var response = await _client.SendAsync(HttpMethod.Get, next);
            all.AddRange(await ReadStringArrayAsync(response, property));
            next = NextLink(response)?.TrimStart('/');
        }
        return all;
    }

    private static string? NextLink(HttpResponseMessage response)
    {
        if (!response.Headers.TryGetValues("Link", out var values)) return null;
        var match = NextLinkShape().Match(string.Join(",", values));
        return match.Success ? match.Groups[1].Value : null;
    }

    [GeneratedRegex("""<([^>]+)>\s*;\s*rel="next"(?:,|$)""")]
    private static partial Regex NextLinkShape();

    private sealed record ExpectedReferrer(OciContent Content, string ArtifactType, string Annotation);

    private sealed record ReferrersSetup(
        string Repository, OciContent Subject, OciContent AbsentSubject, OciContent DanglingReferrer,
        IReadOnlyDictionary<string, ExpectedReferrer> Referrers);
}
