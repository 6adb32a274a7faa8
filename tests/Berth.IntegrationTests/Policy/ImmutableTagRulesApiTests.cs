using System.Net;
using System.Text.Json.Nodes;
using Berth.IntegrationTests.Api;
using Berth.IntegrationTests.Infrastructure;
using static Berth.IntegrationTests.Policy.ImmutableTagRuleApi;

namespace Berth.IntegrationTests.Policy;

/// <summary><c>/api/v2.0/projects/{p}/immutabletagrules</c> against a real server: Harbor's shapes, statuses and permissions.</summary>
public sealed class ImmutableTagRulesApiTests(BerthServerFixture fixture) : IClassFixture<BerthServerFixture>
{
    private BerthServer Server => fixture.Server;

    private async Task<string> NewProjectAsync()
    {
        var project = ApiCalls.UniqueName("immut");
        await Server.EnsureProjectAsync(project);
        return project;
    }

    [Fact]
    public async Task Create_List_Update_Delete_InHarborsShape()
    {
        var project = await NewProjectAsync();
        using var admin = Server.CreateClient();

        var id = await CreateAsync(admin, project, Body("v*", "team/**"));
        var listed = await ApiImage.GetJsonAsync(admin, Rules(project));
        var rule = Assert.Single(listed.AsArray())!;
        Assert.Equal(id, (long)rule["id"]!);
        Assert.False((bool)rule["disabled"]!);
        Assert.Equal("immutable", (string)rule["action"]!);
        Assert.Equal("immutable_template", (string)rule["template"]!);
        Assert.True((long)rule["project_id"]! > 0);
        Assert.Equal("""[{"kind":"doublestar","decoration":"matches","pattern":"v*"}]""", rule["tag_selectors"]!.ToJsonString());
        Assert.Equal("""{"repository":[{"kind":"doublestar","decoration":"repoMatches","pattern":"team/**"}]}""", rule["scope_selectors"]!.ToJsonString());

        // Harbor's portal toggles a rule with a body carrying only the id and the flag.
        using (var disabled = await admin.PutAsync($"{Rules(project)}/{id}", Json($$"""{"id":{{id}},"disabled":true}""")))
            Assert.Equal(HttpStatusCode.OK, disabled.StatusCode);
        var toggled = (await ApiImage.GetJsonAsync(admin, Rules(project))).AsArray().Single()!;
        Assert.True((bool)toggled["disabled"]!);
        Assert.Equal("v*", (string)toggled["tag_selectors"]![0]!["pattern"]!);

        using (var replaced = await admin.PutAsync($"{Rules(project)}/{id}", Json(Body("release-*", "**", "excludes"))))
            Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        var updated = (await ApiImage.GetJsonAsync(admin, Rules(project))).AsArray().Single()!;
        Assert.False((bool)updated["disabled"]!);
        Assert.Equal("excludes", (string)updated["tag_selectors"]![0]!["decoration"]!);

        using (var deleted = await admin.DeleteAsync($"{Rules(project)}/{id}"))
            Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        Assert.Empty((await ApiImage.GetJsonAsync(admin, Rules(project))).AsArray());
        using (var again = await admin.DeleteAsync($"{Rules(project)}/{id}"))
            Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        using (var missing = await admin.PutAsync($"{Rules(project)}/{id}", Json(Body("v*"))))
            Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);

        await Poll.UntilAsync(async () =>
        {
            var trail = await AuditTrail.ReadAsync(Server.DataDirectory);
            return new[] { "create", "update", "delete" }.All(op => trail.Contains($"admin immutable-tag {op} immutable tag rule {id}"));
        }, TimeSpan.FromSeconds(10), "the rule's create, update and delete in the audit log");
    }

    [Fact]
    public async Task List_PagesWithTotalCount()
    {
        var project = await NewProjectAsync();
        using var admin = Server.CreateClient();
        for (var i = 0; i < 3; i++) await CreateAsync(admin, project, Body($"v{i}.*"));

        using var response = await admin.GetAsync($"{Rules(project)}?page=2&page_size=2");
        var page = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsArray();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("3", response.Headers.GetValues("X-Total-Count").Single());
        Assert.Equal("v2.*", (string)Assert.Single(page)!["tag_selectors"]![0]!["pattern"]!);
        Assert.Contains("rel=\"prev\"", response.Headers.GetValues("Link").Single());
    }

    [Theory]
    [InlineData("""{"tag_selectors":[{"kind":"regex","decoration":"matches","pattern":"v*"}],"scope_selectors":{"repository":[{"kind":"doublestar","decoration":"repoMatches","pattern":"**"}]}}""",
        "tag_selectors[0]: kind 'regex' is not supported")]
    [InlineData("""{"tag_selectors":[{"kind":"doublestar","decoration":"sometimes","pattern":"v*"}],"scope_selectors":{"repository":[{"kind":"doublestar","decoration":"repoMatches","pattern":"**"}]}}""",
        "tag_selectors[0]: decoration 'sometimes' is not supported")]
    [InlineData("""{"tag_selectors":[{"kind":"doublestar","decoration":"matches","pattern":""}],"scope_selectors":{"repository":[{"kind":"doublestar","decoration":"repoMatches","pattern":"**"}]}}""",
        "tag_selectors[0]: pattern '' is invalid: the pattern is empty")]
    [InlineData("""{"tag_selectors":[{"kind":"doublestar","decoration":"matches","pattern":"v*"}],"scope_selectors":{"repository":[{"kind":"doublestar","decoration":"repoMatches","pattern":"{a,b"}]}}""",
        "scope_selectors.repository[0]: pattern '{a,b' is invalid: '{' at position 1 has no closing '}'")]
    [InlineData("""{"tag_selectors":[{"kind":"doublestar","decoration":"matches","pattern":"v*"}]}""",
        "scope_selectors.repository needs at least one selector")]
    [InlineData("""{"tag_selectors":[{"kind":"doublestar","decoration":"matches","pattern":"v*"}],"scope_selectors":{"namespace":[]}}""",
        "scope_selectors.namespace is not supported")]
    [InlineData("""{"action":"retain","tag_selectors":[{"kind":"doublestar","decoration":"matches","pattern":"v*"}],"scope_selectors":{"repository":[{"kind":"doublestar","decoration":"repoMatches","pattern":"**"}]}}""",
        "action 'retain' is not supported")]
    [InlineData("""{"tag_selectors":""", "not valid JSON")]
    public async Task Create_RefusesBadRules_NamingTheProblem_AndStoresNothing(string body, string expected)
    {
        var project = await NewProjectAsync();
        using var admin = Server.CreateClient();

        using var response = await admin.PostAsync(Rules(project), Json(body));

        Assert.Contains(expected, await ApiCalls.ErrorMessageAsync(response, HttpStatusCode.BadRequest));
        Assert.Empty((await ApiImage.GetJsonAsync(admin, Rules(project))).AsArray());
    }

    [Fact]
    public async Task Update_WithAnotherIdInTheBody_IsBadRequest_AndChangesNothing()
    {
        var project = await NewProjectAsync();
        using var admin = Server.CreateClient();
        var id = await CreateAsync(admin, project, Body("v*"));

        using var response = await admin.PutAsync($"{Rules(project)}/{id}", Json($$"""{"id":{{id + 1000}},"disabled":true}"""));

        Assert.Equal("the immutable_rule_id doesn't match the id in the payload body of ImmutableRule",
            await ApiCalls.ErrorMessageAsync(response, HttpStatusCode.BadRequest));
        Assert.False((bool)(await ApiImage.GetJsonAsync(admin, Rules(project))).AsArray().Single()!["disabled"]!);
    }

    [Fact]
    public async Task SameSelectorsTwice_IsConflict()
    {
        var project = await NewProjectAsync();
        using var admin = Server.CreateClient();
        await CreateAsync(admin, project, Body("v2.*", "rel*"));

        using var response = await admin.PostAsync(Rules(project), Json(Body("v2.*", "rel*")));

        Assert.Contains("already has an immutable tag rule with these selectors", await ApiCalls.ErrorMessageAsync(response, HttpStatusCode.Conflict));
        Assert.Single((await ApiImage.GetJsonAsync(admin, Rules(project))).AsArray());
    }

    [Fact]
    public async Task FifteenRulesIsTheLimit()
    {
        var project = await NewProjectAsync();
        using var admin = Server.CreateClient();
        for (var i = 0; i < 15; i++) await CreateAsync(admin, project, Body($"r{i}-*"));

        using var response = await admin.PostAsync(Rules(project), Json(Body("r15-*")));

        Assert.Contains("already has 15 immutable tag rules", await ApiCalls.ErrorMessageAsync(response, HttpStatusCode.BadRequest));
        using var listed = await admin.GetAsync(Rules(project));
        Assert.Equal("15", listed.Headers.GetValues("X-Total-Count").Single());
    }

    [Fact]
    public async Task RulesOfAnotherProject_AreNotFound()
    {
        var mine = await NewProjectAsync();
        var theirs = await NewProjectAsync();
        using var admin = Server.CreateClient();
        var id = await CreateAsync(admin, theirs, Body("v*"));

        using (var update = await admin.PutAsync($"{Rules(mine)}/{id}", Json(Body("x*"))))
            Assert.Equal(HttpStatusCode.NotFound, update.StatusCode);
        using (var delete = await admin.DeleteAsync($"{Rules(mine)}/{id}"))
            Assert.Equal(HttpStatusCode.NotFound, delete.StatusCode);
        Assert.Single((await ApiImage.GetJsonAsync(admin, Rules(theirs))).AsArray());
    }

    [Fact]
    public async Task MaintainersManageRules_DevelopersAndGuestsMayNot()
    {
        var project = await NewProjectAsync();
        using var admin = Server.CreateClient();
        const string password = "Immutable-Rules-1";
        var maintainer = ApiCalls.UniqueName("maint");
        var developer = ApiCalls.UniqueName("dev");
        var guest = ApiCalls.UniqueName("guest");
        foreach (var (name, role) in new[] { (maintainer, 4), (developer, 2), (guest, 3) })
        {
            await ApiCalls.CreateUserAsync(Server, name, password);
            using var added = await admin.PostAsync($"api/v2.0/projects/{project}/members",
                Json($$$"""{"role_id":{{{role}}},"member_user":{"username":"{{{name}}}"}}"""));
            Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        }

        using var asMaintainer = ApiCalls.SignedIn(Server, maintainer, password);
        var id = await CreateAsync(asMaintainer, project, Body("v*"));
        Assert.Single((await ApiImage.GetJsonAsync(asMaintainer, Rules(project))).AsArray());

        foreach (var name in new[] { developer, guest })
        {
            using var client = ApiCalls.SignedIn(Server, name, password);
            using (var list = await client.GetAsync(Rules(project))) Assert.Equal(HttpStatusCode.Forbidden, list.StatusCode);
            using (var create = await client.PostAsync(Rules(project), Json(Body("x*")))) Assert.Equal(HttpStatusCode.Forbidden, create.StatusCode);
            using (var delete = await client.DeleteAsync($"{Rules(project)}/{id}")) Assert.Equal(HttpStatusCode.Forbidden, delete.StatusCode);
        }
        using var anonymous = Server.CreateAnonymousClient();
        using (var list = await anonymous.GetAsync(Rules(project))) Assert.Equal(HttpStatusCode.Unauthorized, list.StatusCode);

        using (var deleted = await asMaintainer.DeleteAsync($"{Rules(project)}/{id}")) Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
    }
}
