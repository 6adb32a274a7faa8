using System.Net;
using Berth.IntegrationTests.Api;
using Berth.IntegrationTests.Infrastructure;
using static Berth.IntegrationTests.Policy.ImmutableTagRuleApi;

namespace Berth.IntegrationTests.Policy;

/// <summary>
/// What an immutable tag refuses, on /v2 and in the API, with Harbor's status, code and words; every refusal leaves
/// the stored data as it was and the tag on its artifact.
/// </summary>
public sealed class ImmutableTagEnforcementTests(BerthServerFixture fixture) : IClassFixture<BerthServerFixture>, IDisposable
{
    private readonly HttpClient _admin = fixture.Server.CreateClient();

    private BerthServer Server => fixture.Server;

    /// <summary>A new project whose tags matching v* are immutable in every repository, with team/app:v1 pushed.</summary>
    private async Task<(string Project, string Repository, string Digest, long RuleId)> ImmutableV1Async()
    {
        var project = ApiCalls.UniqueName("locked");
        await Server.EnsureProjectAsync(project);
        var repository = $"{project}/team/app";
        var digest = await PushImageOrFailAsync(_admin, repository, "v1", "first");
        var ruleId = await CreateAsync(_admin, project, Body("v*"));
        return (project, repository, digest, ruleId);
    }

    private Task<StorageSnapshot> SnapshotAsync() => StorageSnapshot.TakeAsync(Server.DataDirectory);

    private async Task AssertUnchangedAsync(StorageSnapshot before) => Assert.Equal(before.Lines, (await SnapshotAsync()).Lines);

    [Fact]
    public async Task PushingAnotherImageToAnImmutableTag_IsRefusedWithHarborsMessage()
    {
        var (_, repository, digest, _) = await ImmutableV1Async();
        var registry = new RegistryHttp(_admin);
        var config = TestManifests.Config("second");
        var configDigest = await registry.PushBlobOrFailAsync(repository, config);
        var before = await SnapshotAsync();

        using var response = await registry.PutManifestAsync(repository, "v1", TestManifests.Image((configDigest, config.Length)), TestManifests.OciManifest);

        var error = await OciAssert.ErrorAsync(response, HttpStatusCode.PreconditionFailed, "PRECONDITION");
        Assert.Equal("Failed to process request due to 'team/app:v1' configured as immutable.", error.Message);
        await AssertUnchangedAsync(before);
        Assert.Equal(digest, await DigestOfAsync(_admin, repository, "v1"));
    }

    [Fact]
    public async Task PushingTheSameImageAgain_IsRefusedToo_AsHarborDoes()
    {
        var (_, repository, digest, _) = await ImmutableV1Async();
        var before = await SnapshotAsync();

        var (response, pushed) = await PushImageAsync(_admin, repository, "v1", "first");

        Assert.Equal(digest, pushed);
        using (response) await OciAssert.ErrorAsync(response, HttpStatusCode.PreconditionFailed, "PRECONDITION");
        await AssertUnchangedAsync(before);
    }

    [Fact]
    public async Task NewTags_AndTagsNoRuleMatches_AreStillPushed()
    {
        var (_, repository, digest, _) = await ImmutableV1Async();

        var v2 = await PushImageOrFailAsync(_admin, repository, "v2", "second");
        await PushImageOrFailAsync(_admin, repository, "latest", "third");
        var moved = await PushImageOrFailAsync(_admin, repository, "latest", "fourth");
        // By digest there is no tag to protect.
        await PushImageOrFailAsync(_admin, repository, digest, "first");

        Assert.Equal(v2, await DigestOfAsync(_admin, repository, "v2"));
        Assert.Equal(moved, await DigestOfAsync(_admin, repository, "latest"));
        Assert.Equal(digest, await DigestOfAsync(_admin, repository, "v1"));
    }

    [Fact]
    public async Task CosignSignatureTags_AreNeverImmutable()
    {
        var (_, repository, digest, _) = await ImmutableV1Async();
        var signatureTag = $"sha256-{ContentDigest.Hex(digest)}.sig";
        await CreateAsync(_admin, repository.Split('/')[0], Body("**"));

        await PushImageOrFailAsync(_admin, repository, signatureTag, "signature one");
        var second = await PushImageOrFailAsync(_admin, repository, signatureTag, "signature two");

        Assert.Equal(second, await DigestOfAsync(_admin, repository, signatureTag));
    }

    [Fact]
    public async Task DeletingAnImmutableTag_OrItsArtifact_OnV2_IsRefused()
    {
        var (_, repository, digest, _) = await ImmutableV1Async();
        await PushImageOrFailAsync(_admin, repository, "latest", "other");
        var before = await SnapshotAsync();

        using (var byTag = await _admin.DeleteAsync($"v2/{repository}/manifests/v1"))
        {
            var error = await OciAssert.ErrorAsync(byTag, HttpStatusCode.PreconditionFailed, "PRECONDITION");
            Assert.Equal("Failed to process request due to 'team/app:v1' configured as immutable.", error.Message);
        }
        using (var byDigest = await _admin.DeleteAsync($"v2/{repository}/manifests/{digest}"))
        {
            var error = await OciAssert.ErrorAsync(byDigest, HttpStatusCode.PreconditionFailed, "PRECONDITION");
            Assert.Contains("'team/app:v1'", error.Message);
        }
        await AssertUnchangedAsync(before);
        Assert.Equal(digest, await DigestOfAsync(_admin, repository, "v1"));

        // A tag no rule matches is deleted as before; a missing immutable tag is still just missing.
        using (var other = await _admin.DeleteAsync($"v2/{repository}/manifests/latest"))
            Assert.Equal(HttpStatusCode.Accepted, other.StatusCode);
        using (var missing = await _admin.DeleteAsync($"v2/{repository}/manifests/v9"))
            await OciAssert.ErrorAsync(missing, HttpStatusCode.NotFound, "MANIFEST_UNKNOWN");
    }

    [Fact]
    public async Task TheApi_RefusesDeletingTheTagOrTheArtifact_AndMovingTheTag()
    {
        var (project, repository, digest, _) = await ImmutableV1Async();
        var other = await PushImageOrFailAsync(_admin, repository, "latest", "other");
        var artifacts = $"api/v2.0/projects/{project}/repositories/{ApiImage.Segment("team/app")}/artifacts";
        var before = await SnapshotAsync();

        using (var tag = await _admin.DeleteAsync($"{artifacts}/{digest}/tags/v1"))
            Assert.Equal("the tag v1 configured as immutable, cannot be deleted", await ApiCalls.ErrorMessageAsync(tag, HttpStatusCode.PreconditionFailed));
        using (var artifact = await _admin.DeleteAsync($"{artifacts}/v1"))
            Assert.Equal("the tag v1 configured as immutable, cannot be deleted", await ApiCalls.ErrorMessageAsync(artifact, HttpStatusCode.PreconditionFailed));
        using (var moved = await _admin.PostAsync($"{artifacts}/{other}/tags", Json("""{"name":"v1"}""")))
            Assert.Equal("the tag v1 configured as immutable, cannot be updated", await ApiCalls.ErrorMessageAsync(moved, HttpStatusCode.PreconditionFailed));

        await AssertUnchangedAsync(before);
        Assert.Equal(digest, await DigestOfAsync(_admin, repository, "v1"));

        // New immutable tags can still be added (first use), and a tag no rule matches can still be deleted.
        using (var added = await _admin.PostAsync($"{artifacts}/{other}/tags", Json("""{"name":"v7"}""")))
            Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        using (var deleted = await _admin.DeleteAsync($"{artifacts}/{other}/tags/latest"))
            Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
    }

    [Fact]
    public async Task DisablingOrDeletingTheRule_TakesEffectOnTheNextRequest()
    {
        var (project, repository, _, ruleId) = await ImmutableV1Async();
        using (var refused = (await PushImageAsync(_admin, repository, "v1", "second")).Response)
            Assert.Equal(HttpStatusCode.PreconditionFailed, refused.StatusCode);

        using (var disabled = await _admin.PutAsync($"{Rules(project)}/{ruleId}", Json($$"""{"id":{{ruleId}},"disabled":true}""")))
            Assert.Equal(HttpStatusCode.OK, disabled.StatusCode);
        var second = await PushImageOrFailAsync(_admin, repository, "v1", "second");
        Assert.Equal(second, await DigestOfAsync(_admin, repository, "v1"));

        using (var enabled = await _admin.PutAsync($"{Rules(project)}/{ruleId}", Json($$"""{"id":{{ruleId}},"disabled":false}""")))
            Assert.Equal(HttpStatusCode.OK, enabled.StatusCode);
        using (var refusedAgain = await _admin.DeleteAsync($"v2/{repository}/manifests/v1"))
            Assert.Equal(HttpStatusCode.PreconditionFailed, refusedAgain.StatusCode);

        using (var deleted = await _admin.DeleteAsync($"{Rules(project)}/{ruleId}"))
            Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        using (var allowed = await _admin.DeleteAsync($"v2/{repository}/manifests/v1"))
            Assert.Equal(HttpStatusCode.Accepted, allowed.StatusCode);
    }

    [Fact]
    public async Task RepositorySelectors_MatchThePathWithinTheProject()
    {
        var project = ApiCalls.UniqueName("scoped");
        await Server.EnsureProjectAsync(project);
        await CreateAsync(_admin, project, Body("**", "team/*"));
        await PushImageOrFailAsync(_admin, $"{project}/team/app", "v1", "a");
        await PushImageOrFailAsync(_admin, $"{project}/team/app/web", "v1", "b");
        await PushImageOrFailAsync(_admin, $"{project}/ops", "v1", "c");

        using (var locked = (await PushImageAsync(_admin, $"{project}/team/app", "v1", "a2")).Response)
            Assert.Equal(HttpStatusCode.PreconditionFailed, locked.StatusCode);
        await PushImageOrFailAsync(_admin, $"{project}/team/app/web", "v1", "b2");
        await PushImageOrFailAsync(_admin, $"{project}/ops", "v1", "c2");
    }

    public void Dispose() => _admin.Dispose();
}
