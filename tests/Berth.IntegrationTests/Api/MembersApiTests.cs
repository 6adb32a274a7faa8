using System.Net;
using System.Text.Json;
using Berth.IntegrationTests.Infrastructure;
using static Berth.IntegrationTests.Api.ApiCalls;

namespace Berth.IntegrationTests.Api;

/// <summary>
/// /api/v2.0/projects/{p}/members against the real server: a membership is what lets a user push to a private
/// project, and changing or removing it changes what /v2 allows on the next request.
/// </summary>
public sealed class MembersApiTests(BerthServerFixture fixture) : IClassFixture<BerthServerFixture>
{
    private const string Password = "Passw0rd-one";
    private BerthServer Server => fixture.Server;

    [Fact]
    public async Task Developer_CanStartAnUpload_GuestAndOutsiderCannot()
    {
        var project = await PrivateProjectAsync();
        var developer = UniqueName("dev");
        var guest = UniqueName("guest");
        var outsider = UniqueName("out");
        foreach (var user in new[] { developer, guest, outsider }) await CreateUserAsync(Server, user, Password);
        await AddMemberAsync(project, developer, role: 2);
        await AddMemberAsync(project, guest, role: 3);

        Assert.Equal(HttpStatusCode.Accepted, await StartUploadAsync(project, developer));
        Assert.Equal(HttpStatusCode.Forbidden, await StartUploadAsync(project, guest));
        Assert.Contains(await StartUploadAsync(project, outsider), new[] { HttpStatusCode.Forbidden, HttpStatusCode.NotFound });
    }

    [Fact]
    public async Task RoleChange_AndRemoval_TakeEffectOnTheNextRequest()
    {
        var project = await PrivateProjectAsync();
        var user = UniqueName("kim");
        await CreateUserAsync(Server, user, Password);
        var member = await AddMemberAsync(project, user, role: 3);
        using var admin = Server.CreateClient();
        Assert.Equal(HttpStatusCode.Forbidden, await StartUploadAsync(project, user));

        using (var promote = await admin.PutAsync($"api/v2.0/projects/{project}/members/{member}", Json("""{"role_id":2}""")))
            Assert.Equal(HttpStatusCode.OK, promote.StatusCode);
        var entity = await ReadJsonAsync(await admin.GetAsync($"api/v2.0/projects/{project}/members/{member}"));
        Assert.Equal("developer", entity.GetProperty("role_name").GetString());
        Assert.Equal(HttpStatusCode.Accepted, await StartUploadAsync(project, user));

        using (var remove = await admin.DeleteAsync($"api/v2.0/projects/{project}/members/{member}"))
            Assert.Equal(HttpStatusCode.OK, remove.StatusCode);
        Assert.Contains(await StartUploadAsync(project, user), new[] { HttpStatusCode.Forbidden, HttpStatusCode.NotFound });
        using (var gone = await admin.GetAsync($"api/v2.0/projects/{project}/members/{member}")) Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);

        var trail = await AuditTrail.ReadAsync(Server.DataDirectory);
        Assert.Contains($"admin member create {user}", trail);
        Assert.Contains($"admin member update {user}", trail);
        Assert.Contains($"admin member delete {user}", trail);
    }

    [Fact]
    public async Task List_HasHarborsFields_FiltersByName_AndWorksByProjectId()
    {
        var project = await PrivateProjectAsync();
        var maintainer = UniqueName("mae");
        var userId = await CreateUserAsync(Server, maintainer, Password);
        await CreateUserAsync(Server, UniqueName("ned"), Password);
        var member = await AddMemberAsync(project, maintainer, role: 4);
        using var admin = Server.CreateClient();
        var projectId = (await ReadJsonAsync(await admin.GetAsync($"api/v2.0/projects/{project}"))).GetProperty("project_id").GetInt64();

        using var response = await admin.GetAsync($"api/v2.0/projects/{projectId}/members?entityname={maintainer}");

        Assert.Equal("1", response.Headers.GetValues("X-Total-Count").Single());
        var entity = Assert.Single((await ReadJsonAsync(response)).EnumerateArray());
        Assert.Equal(member, entity.GetProperty("id").GetInt64());
        Assert.Equal(projectId, entity.GetProperty("project_id").GetInt64());
        Assert.Equal(maintainer, entity.GetProperty("entity_name").GetString());
        Assert.Equal("maintainer", entity.GetProperty("role_name").GetString());
        Assert.Equal(4, entity.GetProperty("role_id").GetInt32());
        Assert.Equal(userId, entity.GetProperty("entity_id").GetInt64());
        Assert.Equal("u", entity.GetProperty("entity_type").GetString());
    }

    [Fact]
    public async Task Add_RefusesDuplicatesUnknownUsersAndBadRoles_WithoutChangingMembers()
    {
        var project = await PrivateProjectAsync();
        var user = UniqueName("liz");
        await CreateUserAsync(Server, user, Password);
        await AddMemberAsync(project, user, role: 2);
        using var admin = Server.CreateClient();

        async Task<HttpStatusCode> AddAsync(string body)
        {
            using var response = await admin.PostAsync($"api/v2.0/projects/{project}/members", Json(body));
            return response.StatusCode;
        }
        Assert.Equal(HttpStatusCode.Conflict, await AddAsync($$$"""{"role_id":1,"member_user":{"username":"{{{user}}}"}}"""));
        Assert.Equal(HttpStatusCode.NotFound, await AddAsync("""{"role_id":2,"member_user":{"username":"nobody-at-all"}}"""));
        Assert.Equal(HttpStatusCode.BadRequest, await AddAsync($$$"""{"role_id":0,"member_user":{"username":"{{{user}}}"}}"""));
        Assert.Equal(HttpStatusCode.BadRequest, await AddAsync($$$"""{"role_id":6,"member_user":{"username":"{{{user}}}"}}"""));
        Assert.Equal(HttpStatusCode.BadRequest, await AddAsync("""{"role_id":2,"member_group":{"group_name":"devs","group_type":1}}"""));

        var members = (await ReadJsonAsync(await admin.GetAsync($"api/v2.0/projects/{project}/members"))).EnumerateArray()
            .Where(m => m.GetProperty("entity_name").GetString() == user).ToList();
        Assert.Equal(2, Assert.Single(members).GetProperty("role_id").GetInt32());
    }

    [Fact]
    public async Task OnlyProjectAdmins_ManageMembers_LimitedGuestsCannotList_AnonymousMustSignIn()
    {
        var project = await PrivateProjectAsync();
        var (owner, developer, limited, newcomer) = (UniqueName("own"), UniqueName("dvl"), UniqueName("ltd"), UniqueName("new"));
        foreach (var user in new[] { owner, developer, limited, newcomer }) await CreateUserAsync(Server, user, Password);
        await AddMemberAsync(project, owner, role: 1);
        await AddMemberAsync(project, developer, role: 2);
        await AddMemberAsync(project, limited, role: 5);
        var body = $$$"""{"role_id":3,"member_user":{"username":"{{{newcomer}}}"}}""";

        using (var dev = SignedIn(Server, developer, Password))
        {
            using (var list = await dev.GetAsync($"api/v2.0/projects/{project}/members")) Assert.Equal(HttpStatusCode.OK, list.StatusCode);
            using (var add = await dev.PostAsync($"api/v2.0/projects/{project}/members", Json(body))) Assert.Equal(HttpStatusCode.Forbidden, add.StatusCode);
        }
        using (var ltd = SignedIn(Server, limited, Password))
        using (var list = await ltd.GetAsync($"api/v2.0/projects/{project}/members"))
            Assert.Equal(HttpStatusCode.Forbidden, list.StatusCode);
        using (var anonymous = Server.CreateAnonymousClient())
        using (var list = await anonymous.GetAsync($"api/v2.0/projects/{project}/members"))
            Assert.Equal(HttpStatusCode.Unauthorized, list.StatusCode);
        using (var own = SignedIn(Server, owner, Password))
        using (var add = await own.PostAsync($"api/v2.0/projects/{project}/members", Json(body)))
            Assert.Equal(HttpStatusCode.Created, add.StatusCode);

        Assert.Contains($"{owner} member create {newcomer}", await AuditTrail.ReadAsync(Server.DataDirectory));
    }

    private async Task<string> PrivateProjectAsync()
    {
        var name = UniqueName("priv");
        await Server.EnsureProjectAsync(name, isPublic: false);
        return name;
    }

    /// <summary>Adds the member as the administrator; returns the member id from the Location header.</summary>
    private async Task<long> AddMemberAsync(string project, string username, int role)
    {
        using var admin = Server.CreateClient();
        using var response = await admin.PostAsync($"api/v2.0/projects/{project}/members",
            Json(JsonSerializer.Serialize(new { role_id = role, member_user = new { username } })));
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var location = response.Headers.Location!.ToString();
        var prefix = $"/api/v2.0/projects/{project}/members/";
        Assert.StartsWith(prefix, location);
        return long.Parse(location[prefix.Length..]);
    }

    /// <summary>Starts a blob upload with Basic credentials: the first step of every push.</summary>
    private async Task<HttpStatusCode> StartUploadAsync(string project, string username)
    {
        using var client = SignedIn(Server, username, Password);
        using var response = await client.PostAsync($"v2/{project}/app/blobs/uploads/", null);
        return response.StatusCode;
    }
}
