using System.Net;
using System.Text.Json.Nodes;
using Berth.IntegrationTests.Infrastructure;

namespace Berth.IntegrationTests.Api;

/// <summary>
/// /v2 pushes, pulls and deletes, and API deletes, land in the audit log (the /v2 ones through a queue,
/// so the test waits for them) with the caller's name, newest first.
/// </summary>
public sealed class AuditLogTests(BerthServerFixture fixture) : IClassFixture<BerthServerFixture>
{
    private BerthServer Server => fixture.Server;

    [Fact]
    public async Task PushPullDelete_AreLoggedByAdmin_NewestFirst()
    {
        const string repository = "project/audit/app";
        var digest = await ApiImage.PushAsync(Server, repository, "v1");
        using var admin = Server.CreateClient();
        Assert.Equal(digest, await ApiImage.PullDigestAsync(admin, repository, "v1"));
        // Wait for the queued pull before deleting, so the two cannot share a millisecond out of order.
        await Poll.UntilAsync(async () => (await EntriesAsync(admin, "api/v2.0/audit-logs", repository)).Any(e => (string)e["operation"]! == "pull"),
            TimeSpan.FromSeconds(10), "the pull in the audit log");
        using (var deleted = await admin.DeleteAsync($"api/v2.0/projects/project/repositories/audit%252Fapp/artifacts/{digest}"))
            Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);

        var entries = await EntriesAsync(admin, "api/v2.0/audit-logs", repository);
        Assert.Equal(
            [("delete", $"{repository}@{digest}"), ("pull", $"{repository}:v1"), ("create", $"{repository}:v1")],
            entries.Select(e => ((string)e["operation"]!, (string)e["resource"]!)).ToList());
        Assert.All(entries, e => Assert.Equal("admin", (string)e["username"]!));
        Assert.All(entries, e => Assert.Equal("artifact", (string)e["resource_type"]!));
        var times = entries.Select(e => DateTimeOffset.Parse((string)e["op_time"]!)).ToList();
        Assert.Equal(times.OrderDescending(), times);

        // The project's own log holds the same lines.
        var projectEntries = await EntriesAsync(admin, "api/v2.0/projects/project/logs", repository);
        Assert.Equal(entries.Select(e => (long)e["id"]!), projectEntries.Select(e => (long)e["id"]!));
    }

    [Fact]
    public async Task Pulls_CountOnTheRepository_AndAnonymousPullsAreLoggedAsAnonymous()
    {
        await Server.EnsureProjectAsync("auditpub", isPublic: true);
        var digest = await ApiImage.PushAsync(Server, "auditpub/app", "v1");
        using var anonymous = Server.CreateAnonymousClient();
        Assert.Equal(digest, await ApiImage.PullDigestAsync(anonymous, "auditpub/app", "v1"));
        Assert.Equal(digest, await ApiImage.PullDigestAsync(anonymous, "auditpub/app", digest));

        using var admin = Server.CreateClient();
        await Poll.UntilAsync(async () =>
            (long)(await ApiImage.GetJsonAsync(admin, "api/v2.0/projects/auditpub/repositories/app"))["pull_count"]! == 2,
            TimeSpan.FromSeconds(10), "pull_count 2 on auditpub/app");
        var pulls = (await EntriesAsync(admin, "api/v2.0/projects/auditpub/logs", "auditpub/app")).Where(e => (string)e["operation"]! == "pull").ToList();
        Assert.Equal([$"auditpub/app@{digest}", "auditpub/app:v1"], pulls.Select(e => (string)e["resource"]!));
        Assert.All(pulls, e => Assert.Equal("anonymous", (string)e["username"]!));
        var artifact = await ApiImage.GetJsonAsync(admin, "api/v2.0/projects/auditpub/repositories/app/artifacts/v1");
        Assert.NotNull(artifact["pull_time"]);
    }

    [Fact]
    public async Task AuditLogs_AreForAdministratorsOnly_AndProjectLogsNeedMembership()
    {
        using var anonymous = Server.CreateAnonymousClient();
        using (var all = await anonymous.GetAsync("api/v2.0/audit-logs"))
            Assert.Equal(HttpStatusCode.Unauthorized, all.StatusCode);
        using (var project = await anonymous.GetAsync("api/v2.0/projects/project/logs"))
            Assert.Equal(HttpStatusCode.Unauthorized, project.StatusCode);
    }

    /// <summary>The log's entries about <paramref name="repository"/>, in the order the server gives them.</summary>
    private static async Task<List<JsonNode>> EntriesAsync(HttpClient client, string path, string repository)
    {
        var page = (await ApiImage.GetJsonAsync(client, $"{path}?page_size=100")).AsArray();
        return page.Select(e => e!).Where(e => ((string)e["resource"]!).StartsWith(repository + ":", StringComparison.Ordinal)
            || ((string)e["resource"]!).StartsWith(repository + "@", StringComparison.Ordinal)).ToList();
    }
}
