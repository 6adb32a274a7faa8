using System.Net;
using Berth.IntegrationTests.Infrastructure;

namespace Berth.IntegrationTests.Api;

/// <summary>
/// <c>…/repositories/{r}/artifacts</c> and their tags against a real image pushed with skopeo; every change
/// made through the API is checked where clients see it, on /v2.
/// </summary>
public sealed class ArtifactsApiTests(BerthServerFixture fixture) : IClassFixture<BerthServerFixture>
{
    private BerthServer Server => fixture.Server;

    private static string Artifacts(string repositoryWithoutProject) =>
        $"api/v2.0/projects/project/repositories/{ApiImage.Segment(repositoryWithoutProject)}/artifacts";

    [Fact]
    public async Task List_ShowsTheImageWithDigestTagsAndFullSize()
    {
        var digest = await ApiImage.PushAsync(Server, "project/team/listed", "v1");
        using var admin = Server.CreateClient();

        var artifact = Assert.Single((await ApiImage.GetJsonAsync(admin, Artifacts("team/listed"))).AsArray())!;
        Assert.Equal(digest, (string)artifact["digest"]!);
        Assert.Equal("IMAGE", (string)artifact["type"]!);
        Assert.Equal("project/team/listed", (string)artifact["repository_name"]!);
        Assert.Equal(await ApiImage.SizeAsync(), (long)artifact["size"]!);
        Assert.Equal("application/vnd.oci.image.config.v1+json", (string)artifact["media_type"]!);
        Assert.Equal("application/vnd.oci.image.manifest.v1+json", (string)artifact["manifest_media_type"]!);
        var tag = Assert.Single(artifact["tags"]!.AsArray())!;
        Assert.Equal("v1", (string)tag["name"]!);
        Assert.Equal((long)artifact["id"]!, (long)tag["artifact_id"]!);
        Assert.False((bool)tag["immutable"]!);

        // The same artifact by tag and by digest; without tags when asked.
        var byTag = await ApiImage.GetJsonAsync(admin, $"{Artifacts("team/listed")}/v1");
        var byDigest = await ApiImage.GetJsonAsync(admin, $"{Artifacts("team/listed")}/{digest}?with_tag=false");
        Assert.Equal(digest, (string)byTag["digest"]!);
        Assert.Equal((long)byTag["id"]!, (long)byDigest["id"]!);
        Assert.Null(byDigest["tags"]);
        using var missing = await admin.GetAsync($"{Artifacts("team/listed")}/v9");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task AddTag_ThroughApi_CanBePulledByThatTag_AndTwiceIsConflict()
    {
        var digest = await ApiImage.PushAsync(Server, "project/team/tagged", "v1");
        using var admin = Server.CreateClient();

        using (var added = await admin.PostAsync($"{Artifacts("team/tagged")}/v1/tags", ApiImage.Json("""{"name":"v2"}""")))
            Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        Assert.Equal(digest, await ApiImage.PullDigestAsync(admin, "project/team/tagged", "v2"));

        var tags = (await ApiImage.GetJsonAsync(admin, $"{Artifacts("team/tagged")}/{digest}/tags")).AsArray();
        Assert.Equal(["v1", "v2"], tags.Select(t => (string)t!["name"]!).Order());

        using (var again = await admin.PostAsync($"{Artifacts("team/tagged")}/{digest}/tags", ApiImage.Json("""{"name":"v2"}""")))
            Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        using (var invalid = await admin.PostAsync($"{Artifacts("team/tagged")}/v1/tags", ApiImage.Json("""{"name":"-bad"}""")))
            Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
    }

    [Fact]
    public async Task DeleteTag_RemovesOnlyThatTag()
    {
        var digest = await ApiImage.PushAsync(Server, "project/team/untagged", "v1");
        using var admin = Server.CreateClient();
        using (var added = await admin.PostAsync($"{Artifacts("team/untagged")}/v1/tags", ApiImage.Json("""{"name":"keep"}""")))
            Assert.Equal(HttpStatusCode.Created, added.StatusCode);

        using (var deleted = await admin.DeleteAsync($"{Artifacts("team/untagged")}/{digest}/tags/v1"))
            Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);

        Assert.Null(await ApiImage.PullDigestAsync(admin, "project/team/untagged", "v1"));
        Assert.Equal(digest, await ApiImage.PullDigestAsync(admin, "project/team/untagged", "keep"));
        Assert.Equal(digest, await ApiImage.PullDigestAsync(admin, "project/team/untagged", digest));
        using (var twice = await admin.DeleteAsync($"{Artifacts("team/untagged")}/{digest}/tags/v1"))
            Assert.Equal(HttpStatusCode.NotFound, twice.StatusCode);
    }

    [Fact]
    public async Task DeleteArtifact_ByTag_RemovesManifestAndEveryTagFromV2()
    {
        var digest = await ApiImage.PushAsync(Server, "project/team/deleted", "v1");
        using var admin = Server.CreateClient();
        using (var added = await admin.PostAsync($"{Artifacts("team/deleted")}/v1/tags", ApiImage.Json("""{"name":"other"}""")))
            Assert.Equal(HttpStatusCode.Created, added.StatusCode);

        using (var deleted = await admin.DeleteAsync($"{Artifacts("team/deleted")}/v1"))
            Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);

        Assert.Null(await ApiImage.PullDigestAsync(admin, "project/team/deleted", digest));
        Assert.Null(await ApiImage.PullDigestAsync(admin, "project/team/deleted", "other"));
        Assert.Empty((await ApiImage.GetJsonAsync(admin, Artifacts("team/deleted"))).AsArray());
        var repository = await ApiImage.GetJsonAsync(admin, $"api/v2.0/projects/project/repositories/{ApiImage.Segment("team/deleted")}");
        Assert.Equal(0, (int)repository["artifact_count"]!);
    }

    [Fact]
    public async Task PublicProject_AnonymousMayReadArtifacts_ButNotTagOrDelete()
    {
        await Server.EnsureProjectAsync("openart", isPublic: true);
        var digest = await ApiImage.PushAsync(Server, "openart/app", "v1");
        using var anonymous = Server.CreateAnonymousClient();
        var path = $"api/v2.0/projects/openart/repositories/app/artifacts";

        Assert.Equal(digest, (string)(await ApiImage.GetJsonAsync(anonymous, $"{path}/v1"))["digest"]!);
        using (var tag = await anonymous.PostAsync($"{path}/v1/tags", ApiImage.Json("""{"name":"x"}""")))
            Assert.Equal(HttpStatusCode.Unauthorized, tag.StatusCode);
        using (var delete = await anonymous.DeleteAsync($"{path}/v1"))
            Assert.Equal(HttpStatusCode.Unauthorized, delete.StatusCode);
        using var admin = Server.CreateClient();
        Assert.Equal(digest, await ApiImage.PullDigestAsync(admin, "openart/app", "v1"));
    }
}
