using System.Net;
using System.Text;
using System.Text.Json;
using Berth.IntegrationTests.Infrastructure;

namespace Berth.IntegrationTests.Api;

public sealed class ProjectsApiTests(BerthServerFixture fixture) : IClassFixture<BerthServerFixture>
{
    private BerthServer Server => fixture.Server;

    [Fact]
    public async Task Create_GetAndSummary_ShowTheProjectWithItsMetadataAndOwner()
    {
        using var admin = Server.CreateClient();

        using var created = await PostJsonAsync(admin, "api/v2.0/projects",
            """{"project_name":"shapes","public":false,"metadata":{"auto_scan":"true","severity":"high"}}""");
        using var duplicate = await PostJsonAsync(admin, "api/v2.0/projects", """{"project_name":"shapes"}""");
        using var invalid = await PostJsonAsync(admin, "api/v2.0/projects", """{"project_name":"Bad Name"}""");
        using var get = await admin.GetAsync("api/v2.0/projects/shapes");
        using var summary = await admin.GetAsync("api/v2.0/projects/shapes/summary");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Matches(@"^/api/v2\.0/projects/\d+$", created.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        using var project = JsonDocument.Parse(await get.Content.ReadAsStringAsync());
        Assert.Equal("shapes", project.RootElement.GetProperty("name").GetString());
        Assert.Equal("admin", project.RootElement.GetProperty("owner_name").GetString());
        var metadata = project.RootElement.GetProperty("metadata");
        Assert.Equal("true", metadata.GetProperty("auto_scan").GetString());
        Assert.Equal("high", metadata.GetProperty("severity").GetString());
        Assert.Equal("false", metadata.GetProperty("public").GetString());
        using var counts = JsonDocument.Parse(await summary.Content.ReadAsStringAsync());
        Assert.Equal(1, counts.RootElement.GetProperty("project_admin_count").GetInt32());
        Assert.Equal(0, counts.RootElement.GetProperty("repo_count").GetInt32());
    }

    [Fact]
    public async Task Update_MakesAProjectPublicForAnonymousCallersButCannotRenameIt()
    {
        await Server.EnsureProjectAsync("turning");
        using var admin = Server.CreateClient();
        using var anonymous = Server.CreateAnonymousClient();
        using var before = await anonymous.GetAsync("api/v2.0/projects/turning");

        using var update = await PutJsonAsync(admin, "api/v2.0/projects/turning", """{"public":true}""");
        using var rename = await PutJsonAsync(admin, "api/v2.0/projects/turning", """{"project_name":"other"}""");
        using var after = await anonymous.GetAsync("api/v2.0/projects/turning");

        Assert.Equal(HttpStatusCode.Unauthorized, before.StatusCode);
        Assert.Equal(HttpStatusCode.OK, update.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, rename.StatusCode);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }

    [Fact]
    public async Task Delete_IsRefusedWhileTheProjectHoldsRepositoriesUnlessForced()
    {
        await Server.EnsureProjectAsync("full");
        using var admin = Server.CreateClient();
        await new RegistryHttp(admin).PushBlobOrFailAsync("full/app", TestContent.Random(100, seed: 70));

        using var refused = await admin.DeleteAsync("api/v2.0/projects/full");
        using var forced = await admin.DeleteAsync("api/v2.0/projects/full?force=true");
        using var gone = await admin.GetAsync("api/v2.0/projects/full");
        using var push = await admin.PostAsync("v2/full/app/blobs/uploads/", null);

        Assert.Equal(HttpStatusCode.PreconditionFailed, refused.StatusCode);
        Assert.Contains("full", await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, forced.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        await OciAssert.ErrorAsync(push, HttpStatusCode.NotFound, "NAME_UNKNOWN");
    }

    private static Task<HttpResponseMessage> PostJsonAsync(HttpClient client, string path, string json) =>
        client.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"));

    private static Task<HttpResponseMessage> PutJsonAsync(HttpClient client, string path, string json) =>
        client.PutAsync(path, new StringContent(json, Encoding.UTF8, "application/json"));
}
