using System.Net;
using Berth.IntegrationTests.Infrastructure;
using static Berth.IntegrationTests.Api.ApiCalls;

namespace Berth.IntegrationTests.Api;

/// <summary>/api/v2.0/users against the real server: who may manage accounts, and that credentials follow every change at once.</summary>
public sealed class UsersApiTests(BerthServerFixture fixture) : IClassFixture<BerthServerFixture>
{
    private const string Password = "Passw0rd-one";
    private const string NewPassword = "Passw0rd-two";
    private BerthServer Server => fixture.Server;

    [Fact]
    public async Task CreatedUser_SignsIn_AndReadsThemself_WithoutPasswordHash()
    {
        var name = UniqueName("alice");
        var id = await CreateUserAsync(Server, name, Password);

        using var alice = SignedIn(Server, name, Password);
        using var response = await alice.GetAsync("api/v2.0/users/current");
        var text = await response.Content.ReadAsStringAsync();
        var current = await ReadJsonAsync(response);
        Assert.Equal(id, current.GetProperty("user_id").GetInt64());
        Assert.Equal(name, current.GetProperty("username").GetString());
        Assert.Equal($"{name}@example.com", current.GetProperty("email").GetString());
        Assert.False(current.GetProperty("sysadmin_flag").GetBoolean());
        Assert.True(current.TryGetProperty("creation_time", out _));
        Assert.DoesNotContain("password", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("pbkdf2", text, StringComparison.OrdinalIgnoreCase);

        using var byId = await alice.GetAsync($"api/v2.0/users/{id}");
        Assert.Equal(name, (await ReadJsonAsync(byId)).GetProperty("username").GetString());
        Assert.Contains($"admin user create {name}", await AuditTrail.ReadAsync(Server.DataDirectory));
    }

    [Fact]
    public async Task NonAdministrator_IsForbidden_AnonymousIsAskedToSignIn()
    {
        var name = UniqueName("bob");
        await CreateUserAsync(Server, name, Password);
        using var bob = SignedIn(Server, name, Password);
        using var anonymous = Server.CreateAnonymousClient();
        using var admin = Server.CreateClient();
        var adminId = (await ReadJsonAsync(await admin.GetAsync("api/v2.0/users/current"))).GetProperty("user_id").GetInt64();

        using (var list = await bob.GetAsync("api/v2.0/users")) Assert.Equal(HttpStatusCode.Forbidden, list.StatusCode);
        using (var create = await bob.PostAsync("api/v2.0/users", Json($$"""{"username":"{{name}}x","password":"{{Password}}"}""")))
            Assert.Equal(HttpStatusCode.Forbidden, create.StatusCode);
        using (var other = await bob.GetAsync($"api/v2.0/users/{adminId}")) Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        using (var delete = await bob.DeleteAsync($"api/v2.0/users/{adminId}")) Assert.Equal(HttpStatusCode.Forbidden, delete.StatusCode);
        using (var list = await anonymous.GetAsync("api/v2.0/users")) Assert.Equal(HttpStatusCode.Unauthorized, list.StatusCode);
        using (var current = await anonymous.GetAsync("api/v2.0/users/current")) Assert.Equal(HttpStatusCode.Unauthorized, current.StatusCode);
        using (var search = await anonymous.GetAsync($"api/v2.0/users/search?username={name}")) Assert.Equal(HttpStatusCode.Unauthorized, search.StatusCode);

        using var users = await admin.GetAsync($"api/v2.0/users?username={name}");
        Assert.Equal("1", users.Headers.GetValues("X-Total-Count").Single());
        Assert.Equal(0, (await ReadJsonAsync(users)).EnumerateArray().Count(u => u.GetProperty("username").GetString() == $"{name}x"));
    }

    [Fact]
    public async Task PasswordChange_NeedsTheOldPassword_AndOldCredentialsStopWorkingAtOnce()
    {
        var name = UniqueName("carol");
        var id = await CreateUserAsync(Server, name, Password);
        using var old = SignedIn(Server, name, Password);
        // Sign in on both paths first, so the server has the old credentials remembered when they change.
        using (var current = await old.GetAsync("api/v2.0/users/current")) Assert.Equal(HttpStatusCode.OK, current.StatusCode);
        using (var v2 = await old.GetAsync("v2/")) Assert.Equal(HttpStatusCode.OK, v2.StatusCode);

        using (var wrong = await old.PutAsync($"api/v2.0/users/{id}/password", Json($$"""{"old_password":"Wrong-pass1","new_password":"{{NewPassword}}"}""")))
            Assert.Equal("Current password is incorrect", await ErrorMessageAsync(wrong, HttpStatusCode.Forbidden));
        using (var same = await old.PutAsync($"api/v2.0/users/{id}/password", Json($$"""{"old_password":"{{Password}}","new_password":"{{Password}}"}""")))
            await ErrorMessageAsync(same, HttpStatusCode.BadRequest);
        using (var changed = await old.PutAsync($"api/v2.0/users/{id}/password", Json($$"""{"old_password":"{{Password}}","new_password":"{{NewPassword}}"}""")))
            Assert.Equal(HttpStatusCode.OK, changed.StatusCode);

        using (var current = await old.GetAsync("api/v2.0/users/current")) Assert.Equal(HttpStatusCode.Unauthorized, current.StatusCode);
        using (var v2 = await old.GetAsync("v2/")) Assert.Equal(HttpStatusCode.Unauthorized, v2.StatusCode);
        using var renewed = SignedIn(Server, name, NewPassword);
        using (var current = await renewed.GetAsync("api/v2.0/users/current")) Assert.Equal(HttpStatusCode.OK, current.StatusCode);
        using (var v2 = await renewed.GetAsync("v2/")) Assert.Equal(HttpStatusCode.OK, v2.StatusCode);
    }

    [Fact]
    public async Task Administrator_SetsAnotherUsersPassword_WithoutTheOldOne()
    {
        var name = UniqueName("dave");
        var id = await CreateUserAsync(Server, name, Password);
        using var admin = Server.CreateClient();

        using (var changed = await admin.PutAsync($"api/v2.0/users/{id}/password", Json($$"""{"new_password":"{{NewPassword}}"}""")))
            Assert.Equal(HttpStatusCode.OK, changed.StatusCode);

        using var dave = SignedIn(Server, name, NewPassword);
        using var current = await dave.GetAsync("api/v2.0/users/current");
        Assert.Equal(id, (await ReadJsonAsync(current)).GetProperty("user_id").GetInt64());
    }

    [Theory]
    [InlineData("Sh0rt")]
    [InlineData("alllowercase1")]
    [InlineData("ALLUPPERCASE1")]
    [InlineData("NoDigitsAtAll")]
    public async Task WeakPassword_IsRefused_AndNoUserIsCreated(string weak)
    {
        var name = UniqueName("weak");
        using var admin = Server.CreateClient();

        using var response = await admin.PostAsync("api/v2.0/users", Json($$"""{"username":"{{name}}","password":"{{weak}}","email":"w@example.com"}"""));

        Assert.Contains("password", await ErrorMessageAsync(response, HttpStatusCode.BadRequest));
        using var users = await admin.GetAsync($"api/v2.0/users?username={name}");
        Assert.Equal("0", users.Headers.GetValues("X-Total-Count").Single());
    }

    [Fact]
    public async Task WeakNewPassword_IsRefused_AndTheOldOneStillWorks()
    {
        var name = UniqueName("erin");
        var id = await CreateUserAsync(Server, name, Password);
        using var erin = SignedIn(Server, name, Password);

        using (var weak = await erin.PutAsync($"api/v2.0/users/{id}/password", Json($$"""{"old_password":"{{Password}}","new_password":"password"}""")))
            await ErrorMessageAsync(weak, HttpStatusCode.BadRequest);

        using var fresh = SignedIn(Server, name, Password);
        using var current = await fresh.GetAsync("v2/");
        Assert.Equal(HttpStatusCode.OK, current.StatusCode);
    }

    [Fact]
    public async Task DuplicateUsername_Conflicts()
    {
        var name = UniqueName("frank");
        await CreateUserAsync(Server, name, Password);
        using var admin = Server.CreateClient();

        using var again = await admin.PostAsync("api/v2.0/users", Json($$"""{"username":"{{name}}","password":"{{NewPassword}}","email":"other@example.com"}"""));

        await ErrorMessageAsync(again, HttpStatusCode.Conflict);
        // The first account keeps its password: the refused request changed nothing.
        using var frank = SignedIn(Server, name, Password);
        using var current = await frank.GetAsync("api/v2.0/users/current");
        Assert.Equal(HttpStatusCode.OK, current.StatusCode);
    }

    [Theory]
    [InlineData("robot$sneaky")]
    [InlineData("has:colon")]
    [InlineData("")]
    public async Task IllegalUsername_IsRefused(string username)
    {
        using var admin = Server.CreateClient();
        using var response = await admin.PostAsync("api/v2.0/users", Json($$"""{"username":"{{username}}","password":"{{Password}}"}"""));
        await ErrorMessageAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task List_FiltersByQuery_AndPages()
    {
        var prefix = UniqueName("team");
        foreach (var suffix in new[] { "a", "b", "c" }) await CreateUserAsync(Server, $"{prefix}-{suffix}", Password);
        using var admin = Server.CreateClient();

        using var page = await admin.GetAsync($"api/v2.0/users?q=username%3D~{prefix}&page=1&page_size=2");
        Assert.Equal("3", page.Headers.GetValues("X-Total-Count").Single());
        Assert.Contains("rel=\"next\"", page.Headers.GetValues("Link").Single());
        Assert.Equal([$"{prefix}-a", $"{prefix}-b"], (await ReadJsonAsync(page)).EnumerateArray().Select(u => u.GetProperty("username").GetString()!).ToArray());

        using var exact = await admin.GetAsync($"api/v2.0/users?q=username%3D{prefix}-c");
        Assert.Equal([$"{prefix}-c"], (await ReadJsonAsync(exact)).EnumerateArray().Select(u => u.GetProperty("username").GetString()!).ToArray());

        using var unsupported = await admin.GetAsync("api/v2.0/users?q=realname%3Dx");
        await ErrorMessageAsync(unsupported, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Search_AnySignedInUser_SeesIdsAndNamesOnly()
    {
        var prefix = UniqueName("srch");
        var id = await CreateUserAsync(Server, $"{prefix}-x", Password);
        await CreateUserAsync(Server, $"{prefix}-y", Password);
        using var x = SignedIn(Server, $"{prefix}-x", Password);

        using var response = await x.GetAsync($"api/v2.0/users/search?username={prefix}");

        var found = (await ReadJsonAsync(response)).EnumerateArray().ToList();
        Assert.Equal(2, found.Count);
        Assert.Equal(id, found[0].GetProperty("user_id").GetInt64());
        Assert.False(found[0].TryGetProperty("email", out _));
    }

    [Fact]
    public async Task Profile_UserUpdatesTheirOwn_NotSomeoneElses()
    {
        var name = UniqueName("gina");
        var id = await CreateUserAsync(Server, name, Password);
        var otherId = await CreateUserAsync(Server, UniqueName("hank"), Password);
        using var gina = SignedIn(Server, name, Password);

        using (var own = await gina.PutAsync($"api/v2.0/users/{id}", Json("""{"email":"gina@new.example.org","comment":"ops"}""")))
            Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        using (var other = await gina.PutAsync($"api/v2.0/users/{otherId}", Json("""{"email":"x@example.org"}""")))
            Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        using (var bad = await gina.PutAsync($"api/v2.0/users/{id}", Json("""{"email":"not-an-email"}""")))
            await ErrorMessageAsync(bad, HttpStatusCode.BadRequest);

        var profile = await ReadJsonAsync(await gina.GetAsync($"api/v2.0/users/{id}"));
        Assert.Equal("gina@new.example.org", profile.GetProperty("email").GetString());
        Assert.Equal("ops", profile.GetProperty("comment").GetString());
        Assert.Equal(name, profile.GetProperty("realname").GetString());
    }

    [Fact]
    public async Task SysAdminFlag_GrantsAndRevokesAdministrationAtOnce()
    {
        var name = UniqueName("ivan");
        var id = await CreateUserAsync(Server, name, Password);
        using var ivan = SignedIn(Server, name, Password);
        using var admin = Server.CreateClient();
        using (var before = await ivan.GetAsync("api/v2.0/users")) Assert.Equal(HttpStatusCode.Forbidden, before.StatusCode);

        using (var grant = await admin.PutAsync($"api/v2.0/users/{id}/sysadmin", Json("""{"sysadmin_flag":true}""")))
            Assert.Equal(HttpStatusCode.OK, grant.StatusCode);
        using (var granted = await ivan.GetAsync("api/v2.0/users")) Assert.Equal(HttpStatusCode.OK, granted.StatusCode);
        Assert.True((await ReadJsonAsync(await ivan.GetAsync("api/v2.0/users/current"))).GetProperty("sysadmin_flag").GetBoolean());

        using (var revoke = await admin.PutAsync($"api/v2.0/users/{id}/sysadmin", Json("""{"sysadmin_flag":false}""")))
            Assert.Equal(HttpStatusCode.OK, revoke.StatusCode);
        using (var revoked = await ivan.GetAsync("api/v2.0/users")) Assert.Equal(HttpStatusCode.Forbidden, revoked.StatusCode);
    }

    [Fact]
    public async Task Delete_RemovesTheAccount_AndItsCredentials_ButNotOneself()
    {
        var name = UniqueName("judy");
        var id = await CreateUserAsync(Server, name, Password);
        using var judy = SignedIn(Server, name, Password);
        using var admin = Server.CreateClient();
        using (var before = await judy.GetAsync("v2/")) Assert.Equal(HttpStatusCode.OK, before.StatusCode);

        using (var delete = await admin.DeleteAsync($"api/v2.0/users/{id}")) Assert.Equal(HttpStatusCode.OK, delete.StatusCode);

        using (var after = await judy.GetAsync("v2/")) Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
        using (var gone = await admin.GetAsync($"api/v2.0/users/{id}")) Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        var adminId = (await ReadJsonAsync(await admin.GetAsync("api/v2.0/users/current"))).GetProperty("user_id").GetInt64();
        using (var self = await admin.DeleteAsync($"api/v2.0/users/{adminId}")) Assert.Equal(HttpStatusCode.Forbidden, self.StatusCode);
        Assert.Contains($"admin user delete {name}", await AuditTrail.ReadAsync(Server.DataDirectory));
    }
}
