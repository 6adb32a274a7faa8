using System.Net;
using Berth.IntegrationTests.Infrastructure;

namespace Berth.IntegrationTests.Api;

/// <summary>
/// <c>/api/v2.0/projects/{p}/repositories</c> and <c>/search</c> against images pushed with skopeo: names
/// double-encoded in paths, counts, visibility by project, deletion reaching /v2.
/// </summary>
public sealed class RepositoriesApiTests(BerthServerFixture fixture) : IClassFixture<BerthServerFixture>
{
    private BerthServer Server => fixture.Server;

    [Fact]
    public async Task List_AfterSkopeoPush_ShowsFullNameCountsAndDoubleEncodedLookup()
    {
        await ApiImage.PushAsync(Server, "project/team/app", "v1");
        using var admin = Server.CreateClient();

        using var response = await admin.GetAsync("api/v2.0/projects/project/repositories?q=name%3D~team%2Fapp");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var list = System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsArray();
        var listed = Assert.Single(list);
        Assert.Equal("1", response.Headers.GetValues("X-Total-Count").Single());
        Assert.Equal("project/team/app", (string)listed!["name"]!);
        Assert.Equal(1, (int)listed["artifact_count"]!);

        var project = await ApiImage.GetJsonAsync(admin, "api/v2.0/projects/project");
        Assert.Equal((long)project["project_id"]!, (long)listed["project_id"]!);

        var single = await ApiImage.GetJsonAsync(admin, $"api/v2.0/projects/project/repositories/{ApiImage.Segment("team/app")}");
        Assert.Equal("project/team/app", (string)single["name"]!);
        Assert.Equal((long)listed["id"]!, (long)single["id"]!);
        Assert.NotNull(single["creation_time"]);
        Assert.NotNull(single["update_time"]);
    }

    [Fact]
    public async Task Get_UnknownRepositoryOrProject_Is404()
    {
        using var admin = Server.CreateClient();
        using var repository = await admin.GetAsync($"api/v2.0/projects/project/repositories/{ApiImage.Segment("no/such")}");
        Assert.Equal(HttpStatusCode.NotFound, repository.StatusCode);
        using var project = await admin.GetAsync("api/v2.0/projects/nosuchproject/repositories");
        Assert.Equal(HttpStatusCode.NotFound, project.StatusCode);
    }

    [Fact]
    public async Task Anonymous_SeesPublicProjectRepositories_ButIsRefusedOnPrivateOnes()
    {
        await Server.EnsureProjectAsync("opensource", isPublic: true);
        await ApiImage.PushAsync(Server, "opensource/tools/app", "v1");
        await ApiImage.PushAsync(Server, "project/secret/app", "v1");
        using var anonymous = Server.CreateAnonymousClient();

        var visible = (await ApiImage.GetJsonAsync(anonymous, "api/v2.0/projects/opensource/repositories")).AsArray();
        Assert.Contains(visible, r => (string)r!["name"]! == "opensource/tools/app");
        var artifacts = (await ApiImage.GetJsonAsync(anonymous,
            $"api/v2.0/projects/opensource/repositories/{ApiImage.Segment("tools/app")}/artifacts")).AsArray();
        Assert.Single(artifacts);

        using var hidden = await anonymous.GetAsync("api/v2.0/projects/project/repositories");
        Assert.Equal(HttpStatusCode.Unauthorized, hidden.StatusCode);
        using var deleting = await anonymous.DeleteAsync($"api/v2.0/projects/opensource/repositories/{ApiImage.Segment("tools/app")}");
        Assert.Equal(HttpStatusCode.Unauthorized, deleting.StatusCode);

        // Search holds only what the caller may see: the public repository, never the private one.
        var found = await ApiImage.GetJsonAsync(anonymous, "api/v2.0/search?q=app");
        var names = found["repository"]!.AsArray().Select(r => (string)r!["repository_name"]!).ToList();
        Assert.Contains("opensource/tools/app", names);
        Assert.DoesNotContain("project/secret/app", names);
        Assert.DoesNotContain(found["project"]!.AsArray(), p => (string)p!["name"]! == "project");
        using var admin = Server.CreateClient();
        var asAdmin = await ApiImage.GetJsonAsync(admin, "api/v2.0/search?q=secret");
        Assert.Contains(asAdmin["repository"]!.AsArray(), r => (string)r!["repository_name"]! == "project/secret/app"
            && (bool)r["project_public"]! == false && (int)r["artifact_count"]! == 1);
    }

    [Fact]
    public async Task Delete_Repository_RemovesItsManifestsFromV2()
    {
        await ApiImage.PushAsync(Server, "project/doomed/app", "v1");
        using var admin = Server.CreateClient();
        Assert.NotNull(await ApiImage.PullDigestAsync(admin, "project/doomed/app", "v1"));

        using var deleted = await admin.DeleteAsync($"api/v2.0/projects/project/repositories/{ApiImage.Segment("doomed/app")}");
        Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);

        using var again = await admin.GetAsync($"api/v2.0/projects/project/repositories/{ApiImage.Segment("doomed/app")}");
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.Null(await ApiImage.PullDigestAsync(admin, "project/doomed/app", "v1"));
    }
}
