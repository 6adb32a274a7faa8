using System.Net;
using System.Text.Json;
using Berth.IntegrationTests.Infrastructure;
using static Berth.IntegrationTests.Infrastructure.RobotApi;

namespace Berth.IntegrationTests.Api;

/// <summary>
/// <c>/api/v2.0/robots</c> against the real server: what is stored and shown, who may create what, and that
/// a robot's secret stops working the moment it is refreshed, disabled, expired or deleted.
/// </summary>
public sealed class RobotsApiTests(BerthServerFixture fixture) : IClassFixture<BerthServerFixture>
{
    private BerthServer Server => fixture.Server;

    private static readonly string PullPush = Permission("project", "project", "repository:pull", "repository:push");

    [Fact]
    public async Task Create_AnswersSecretOnce_AndStoresOnlyItsHash()
    {
        using var admin = Server.CreateClient();
        var before = DateTimeOffset.UtcNow;
        using var response = await admin.PostAsync("api/v2.0/robots", Json(Body("ci", "project", 30, PullPush)));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var id = created.GetProperty("id").GetInt64();
        var secret = created.GetProperty("secret").GetString()!;
        Assert.Equal("robot$project+ci", created.GetProperty("name").GetString());
        Assert.Equal($"/api/v2.0/robots/{id}", response.Headers.Location?.OriginalString);
        Assert.True(secret.Length >= 32, secret);
        var expires = DateTimeOffset.FromUnixTimeSeconds(created.GetProperty("expires_at").GetInt64());
        Assert.InRange(expires, before.AddDays(30).AddMinutes(-1), DateTimeOffset.UtcNow.AddDays(30).AddMinutes(1));

        var stored = await new ServerDatabase(Server).RobotSecretHashAsync("robot$project+ci");
        Assert.DoesNotContain(secret, stored, StringComparison.Ordinal);
        Assert.StartsWith("sha256$", stored, StringComparison.Ordinal);
        Assert.Equal(1, await new ServerDatabase(Server).CountAuditAsync("robot$project+ci", "robot", "create"));

        var text = await admin.GetStringAsync($"api/v2.0/robots/{id}");
        Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
        var robot = JsonDocument.Parse(text).RootElement;
        Assert.False(robot.TryGetProperty("secret", out _));
        Assert.Equal("robot$project+ci", robot.GetProperty("name").GetString());
        Assert.Equal("project", robot.GetProperty("level").GetString());
        Assert.Equal(30, robot.GetProperty("duration").GetInt32());
        Assert.False(robot.GetProperty("disable").GetBoolean());
        Assert.True(robot.GetProperty("editable").GetBoolean());
        Assert.Equal(expires.ToUnixTimeSeconds(), robot.GetProperty("expires_at").GetInt64());
        var permission = Assert.Single(robot.GetProperty("permissions").EnumerateArray());
        Assert.Equal("project", permission.GetProperty("namespace").GetString());
        Assert.Equal(["repository:pull", "repository:push"], permission.GetProperty("access").EnumerateArray()
            .Select(a => $"{a.GetProperty("resource").GetString()}:{a.GetProperty("action").GetString()}").Order().ToArray());

        Assert.Equal((HttpStatusCode.OK, "pull,push"), await TokenAsync(Server, "robot$project+ci", secret, "repository:project/app:pull,push"));
        using var duplicate = await admin.PostAsync("api/v2.0/robots", Json(Body("ci", "project", 30, PullPush)));
        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);
    }

    [Theory]
    [InlineData("""{"name":"Bad Name","level":"project","duration":1,"permissions":[{"kind":"project","namespace":"project","access":[{"resource":"repository","action":"pull"}]}]}""", "Bad Name")]
    [InlineData("""{"name":"zero","level":"project","duration":0,"permissions":[{"kind":"project","namespace":"project","access":[{"resource":"repository","action":"pull"}]}]}""", "duration 0")]
    [InlineData("""{"name":"none","level":"project","duration":1,"permissions":[]}""", "permissions")]
    [InlineData("""{"name":"typo","level":"project","duration":1,"permissions":[{"kind":"project","namespace":"project","access":[{"resource":"repositry","action":"pull"}]}]}""", "repositry")]
    [InlineData("""{"name":"verb","level":"project","duration":1,"permissions":[{"kind":"project","namespace":"project","access":[{"resource":"repository","action":"fetch"}]}]}""", "fetch")]
    [InlineData("""{"name":"level","level":"team","duration":1,"permissions":[{"kind":"project","namespace":"project","access":[{"resource":"repository","action":"pull"}]}]}""", "team")]
    [InlineData("""{"name":"ghost","level":"project","duration":1,"permissions":[{"kind":"project","namespace":"no-such-project","access":[{"resource":"repository","action":"pull"}]}]}""", "no-such-project")]
    [InlineData("""{"name":"sysres","level":"project","duration":1,"permissions":[{"kind":"project","namespace":"project","access":[{"resource":"user","action":"create"}]}]}""", "user")]
    public async Task Create_WithBadInput_Answers400NamingTheProblem_AndStoresNothing(string body, string named)
    {
        using var admin = Server.CreateClient();
        var before = await CountRobotsAsync(admin);
        using var response = await admin.PostAsync("api/v2.0/robots", Json(body));
        var text = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(named, JsonDocument.Parse(text).RootElement.GetProperty("errors")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await CountRobotsAsync(admin));
    }

    [Fact]
    public async Task NonAdmins_CreateOnlyWhatTheirRoleInTheirProjectAllows()
    {
        await Server.EnsureProjectAsync("team-a");
        await Server.EnsureProjectAsync("team-b");
        var database = new ServerDatabase(Server);
        var owner = await database.AddUserAsync("alice", "Alice-Pass-1");
        await database.AddMemberAsync("team-a", owner, role: 1);
        var developer = await database.AddUserAsync("dave", "Dave-Pass-1");
        await database.AddMemberAsync("team-a", developer, role: 2);
        using var alice = ClientAs(Server, "alice", "Alice-Pass-1");
        using var dave = ClientAs(Server, "dave", "Dave-Pass-1");

        using (var system = await alice.PostAsync("api/v2.0/robots", Json(Body("all", "system", -1, Permission("project", "*", "repository:pull")))))
            Assert.Equal(HttpStatusCode.Forbidden, system.StatusCode);
        using (var otherProject = await alice.PostAsync("api/v2.0/robots", Json(Body("ci", "project", 1, Permission("project", "team-b", "repository:pull")))))
            Assert.Equal(HttpStatusCode.NotFound, otherProject.StatusCode);
        using (var byDeveloper = await dave.PostAsync("api/v2.0/robots", Json(Body("ci", "project", 1, Permission("project", "team-a", "repository:pull")))))
            Assert.Equal(HttpStatusCode.Forbidden, byDeveloper.StatusCode);
        // A project admin cannot hand out "*", which stands for actions no role gives.
        using (var wildcard = await alice.PostAsync("api/v2.0/robots", Json(Body("ci", "project", 1, Permission("project", "team-a", "repository:*")))))
            Assert.Equal(HttpStatusCode.Forbidden, wildcard.StatusCode);

        var (id, name, _) = await CreateAsync(alice, Body("ci", "project", 1, Permission("project", "team-a", "repository:pull", "artifact:delete")));
        Assert.Equal("robot$team-a+ci", name);

        var teamA = JsonDocument.Parse(await alice.GetStringAsync("api/v2.0/projects/team-a")).RootElement.GetProperty("project_id").GetInt64();
        var listed = JsonDocument.Parse(await dave.GetStringAsync($"api/v2.0/robots?q=Level%3Dproject%2CProjectID%3D{teamA}")).RootElement;
        Assert.Equal([id], listed.EnumerateArray().Select(r => r.GetProperty("id").GetInt64()).ToArray());
        using (var unfiltered = await dave.GetAsync("api/v2.0/robots")) Assert.Equal(HttpStatusCode.Forbidden, unfiltered.StatusCode);
        using (var byDeveloper = await dave.DeleteAsync($"api/v2.0/robots/{id}")) Assert.Equal(HttpStatusCode.Forbidden, byDeveloper.StatusCode);
        using (var byOwner = await alice.DeleteAsync($"api/v2.0/robots/{id}")) Assert.Equal(HttpStatusCode.OK, byOwner.StatusCode);
    }

    [Fact]
    public async Task WrongSecret_IsRefused()
    {
        using var admin = Server.CreateClient();
        var (_, name, secret) = await CreateAsync(admin, Body("wrong", "project", -1, PullPush));
        Assert.Equal(HttpStatusCode.Unauthorized, (await TokenAsync(Server, name, secret + "x", "repository:project/app:pull")).Status);
        Assert.Equal((HttpStatusCode.OK, "pull,push"), await TokenAsync(Server, name, secret, "repository:project/app:pull,push"));
    }

    [Fact]
    public async Task Refresh_ReplacesTheSecretAtOnce()
    {
        using var admin = Server.CreateClient();
        var (id, name, oldSecret) = await CreateAsync(admin, Body("refresh", "project", -1, PullPush));
        // Signed in once, so the server remembers the old secret: the refresh must make it forget.
        Assert.Equal(HttpStatusCode.OK, (await TokenAsync(Server, name, oldSecret, "repository:project/app:pull")).Status);

        using var response = await admin.PatchAsync($"api/v2.0/robots/{id}", Json("{}"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var newSecret = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("secret").GetString()!;
        Assert.NotEqual(oldSecret, newSecret);

        Assert.Equal(HttpStatusCode.Unauthorized, (await TokenAsync(Server, name, oldSecret, "repository:project/app:pull")).Status);
        Assert.Equal((HttpStatusCode.OK, "pull"), await TokenAsync(Server, name, newSecret, "repository:project/app:pull"));

        using var weak = await admin.PatchAsync($"api/v2.0/robots/{id}", Json("""{"secret":"short"}"""));
        Assert.Equal(HttpStatusCode.BadRequest, weak.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await TokenAsync(Server, name, newSecret, "repository:project/app:pull")).Status);
    }

    [Fact]
    public async Task Disable_RefusesTheRobotAtOnce_AndEnableRestoresIt()
    {
        using var admin = Server.CreateClient();
        var (id, name, secret) = await CreateAsync(admin, Body("disable", "project", -1, PullPush));
        Assert.Equal(HttpStatusCode.OK, (await TokenAsync(Server, name, secret, "repository:project/app:pull")).Status);

        using (var disable = await admin.PutAsync($"api/v2.0/robots/{id}", Json($$"""{"name":"{{name}}","level":"project","disable":true}""")))
            Assert.Equal(HttpStatusCode.OK, disable.StatusCode);
        Assert.True(JsonDocument.Parse(await admin.GetStringAsync($"api/v2.0/robots/{id}")).RootElement.GetProperty("disable").GetBoolean());
        Assert.Equal(HttpStatusCode.Unauthorized, (await TokenAsync(Server, name, secret, "repository:project/app:pull")).Status);

        using (var enable = await admin.PutAsync($"api/v2.0/robots/{id}", Json("""{"disable":false}""")))
            Assert.Equal(HttpStatusCode.OK, enable.StatusCode);
        Assert.Equal((HttpStatusCode.OK, "pull,push"), await TokenAsync(Server, name, secret, "repository:project/app:pull,push"));
    }

    [Fact]
    public async Task Update_NarrowsPermissions_AndKeepsTheName()
    {
        using var admin = Server.CreateClient();
        var (id, name, secret) = await CreateAsync(admin, Body("narrow", "project", 7, PullPush));
        Assert.Equal((HttpStatusCode.OK, "pull,push"), await TokenAsync(Server, name, secret, "repository:project/app:pull,push"));

        var pullOnly = Permission("project", "project", "repository:pull");
        using (var rename = await admin.PutAsync($"api/v2.0/robots/{id}", Json($$"""{"name":"robot$project+other","permissions":[{{pullOnly}}]}""")))
            Assert.Equal(HttpStatusCode.BadRequest, rename.StatusCode);
        using (var move = await admin.PutAsync($"api/v2.0/robots/{id}", Json($$"""{"permissions":[{{Permission("project", "conformance", "repository:pull")}}]}""")))
            Assert.Equal(HttpStatusCode.BadRequest, move.StatusCode);
        using (var narrow = await admin.PutAsync($"api/v2.0/robots/{id}", Json($$"""{"description":"pull only","duration":-1,"permissions":[{{pullOnly}}]}""")))
            Assert.Equal(HttpStatusCode.OK, narrow.StatusCode);

        var robot = JsonDocument.Parse(await admin.GetStringAsync($"api/v2.0/robots/{id}")).RootElement;
        Assert.Equal(name, robot.GetProperty("name").GetString());
        Assert.Equal("pull only", robot.GetProperty("description").GetString());
        Assert.Equal(-1, robot.GetProperty("expires_at").GetInt64());
        Assert.Equal((HttpStatusCode.OK, "pull"), await TokenAsync(Server, name, secret, "repository:project/app:pull,push"));
        Assert.Equal(1, await new ServerDatabase(Server).CountAuditAsync(name, "robot", "update"));
    }

    [Fact]
    public async Task ExpiredRobot_IsRefused()
    {
        using var admin = Server.CreateClient();
        var (_, name, secret) = await CreateAsync(admin, Body("expiring", "project", 1, PullPush));
        // Not signed in before expiry: nothing remembered stands between the check and the stored expiry.
        await new ServerDatabase(Server).ExpireRobotAsync(name);
        Assert.Equal(HttpStatusCode.Unauthorized, (await TokenAsync(Server, name, secret, "repository:project/app:pull")).Status);
    }

    [Fact]
    public async Task Delete_RemovesTheRobot_AndItsSignIn()
    {
        using var admin = Server.CreateClient();
        var (id, name, secret) = await CreateAsync(admin, Body("gone", "project", -1, PullPush));
        Assert.Equal(HttpStatusCode.OK, (await TokenAsync(Server, name, secret, "repository:project/app:pull")).Status);

        using (var delete = await admin.DeleteAsync($"api/v2.0/robots/{id}")) Assert.Equal(HttpStatusCode.OK, delete.StatusCode);
        using (var get = await admin.GetAsync($"api/v2.0/robots/{id}")) Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await TokenAsync(Server, name, secret, "repository:project/app:pull")).Status);
        Assert.Equal(1, await new ServerDatabase(Server).CountAuditAsync(name, "robot", "delete"));
    }

    private static async Task<int> CountRobotsAsync(HttpClient admin)
    {
        using var response = await admin.GetAsync("api/v2.0/robots?page_size=100");
        response.EnsureSuccessStatusCode();
        return int.Parse(response.Headers.GetValues("X-Total-Count").Single());
    }
}
