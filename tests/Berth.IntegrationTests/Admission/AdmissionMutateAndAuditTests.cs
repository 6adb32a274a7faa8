using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Berth.IntegrationTests.Api;
using Berth.IntegrationTests.Infrastructure;
using static Berth.IntegrationTests.Admission.AdmissionWebhookTests;

namespace Berth.IntegrationTests.Admission;

/// <summary>
/// The mutating webhook and the audit view on a real <c>berth serve</c> with <c>Admission:PinDigests: all</c>:
/// tags pinned to the pushed digest, and workloads admitted earlier reported once a real policy change (content
/// trust switched on) would refuse them.
/// </summary>
public sealed class AdmissionMutateAndAuditTests : IAsyncLifetime
{
    private BerthServer _server = null!;

    public async Task InitializeAsync() =>
        _server = await BerthServer.StartAsync(new Dictionary<string, string> { ["BERTH__Admission__PinDigests"] = "all" });

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private static string Named(string review, string name) =>
        review.Replace("\"name\":\"web\",\"namespace\"", $"\"name\":\"{name}\",\"namespace\"").Replace("\"metadata\":{\"name\":\"web\"", $"\"metadata\":{{\"name\":\"{name}\"");

    [Fact]
    public async Task Mutate_PinsTheTagToThePushedDigest_KeepingTheTag()
    {
        var digest = await ApiImage.PushAsync(_server, "project/pin/web", "1.0");
        var image = $"{_server.Host}/project/pin/web:1.0";
        var review = Review("uid-pin", "CronJob", $$"""{"containers":[{"name":"web","image":"{{image}}"},{"name":"side","image":"nginx"}]}""");

        using var client = _server.CreateAnonymousClient();
        using var response = await client.PostAsync("admission/mutate?timeout=5s", new StringContent(review, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal("uid-pin", answer["response"]!["uid"]!.GetValue<string>());
        Assert.True(answer["response"]!["allowed"]!.GetValue<bool>());
        Assert.Equal("JSONPatch", answer["response"]!["patchType"]!.GetValue<string>());
        var patch = Encoding.UTF8.GetString(Convert.FromBase64String(answer["response"]!["patch"]!.GetValue<string>()));
        Assert.Equal($$"""[{"op":"replace","path":"/spec/jobTemplate/spec/template/spec/containers/0/image","value":"{{image}}@{{digest}}"}]""", patch);
    }

    [Fact]
    public async Task Mutate_MalformedReview_Gets400()
    {
        using var client = _server.CreateAnonymousClient();
        using var response = await client.PostAsync("admission/mutate", new StringContent("""{"apiVersion":"admission.k8s.io/v1","kind":"AdmissionReview"}""", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("request is missing", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Audit_ReportsAdmittedWorkloadsThatAPolicyChangeNowRefuses_PagedWithTotals()
    {
        await _server.EnsureProjectAsync("audited");
        var digest = await ApiImage.PushAsync(_server, "audited/web", "1.0");
        var spec = $$"""{"containers":[{"name":"web","image":"{{_server.Host}}/audited/web:1.0"}]}""";
        foreach (var name in new[] { "web-a", "web-b", "web-c" })
            Assert.True((await PostAsync(_server, Named(Review($"uid-{name}", "Deployment", spec), name))).GetProperty("allowed").GetBoolean());
        using var admin = _server.CreateClient();

        var before = await ApiCalls.ReadJsonAsync(await admin.GetAsync("api/v2.0/admission/audit"));
        Assert.Equal(3, before.GetProperty("total_workloads").GetInt32());
        Assert.Equal(0, before.GetProperty("total_violations").GetInt32());

        // Content trust switched on after admission: the unsigned image those workloads run would be refused now.
        using (var put = await admin.PutAsync("api/v2.0/projects/audited", ApiCalls.Json("""{"metadata":{"enable_content_trust_cosign":"true"}}""")))
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        using var page = await admin.GetAsync("api/v2.0/admission/audit?page=2&page_size=2");
        var after = await ApiCalls.ReadJsonAsync(page);

        Assert.Equal("3", page.Headers.GetValues("X-Total-Count").Single());
        Assert.Equal(3, after.GetProperty("total_violations").GetInt32());
        Assert.Equal(3, after.GetProperty("violations_by_action").GetProperty("deny").GetInt32());
        var violation = Assert.Single(after.GetProperty("violations").EnumerateArray());
        Assert.Equal("web-c", violation.GetProperty("name").GetString());
        Assert.Equal("apps", violation.GetProperty("group").GetString());
        Assert.Equal("Deployment", violation.GetProperty("kind").GetString());
        Assert.Equal("team-a", violation.GetProperty("namespace").GetString());
        Assert.Equal("deny", violation.GetProperty("enforcement_action").GetString());
        Assert.Equal(
            $"[denied by berth-registry-policy] container \"web\" image \"{_server.Host}/audited/web:1.0@{digest}\" ({digest}): The image is not signed by cosign.",
            violation.GetProperty("message").GetString());

        // A DELETE review forgets the workload.
        var delete = """{"apiVersion":"admission.k8s.io/v1","kind":"AdmissionReview","request":{"uid":"d","kind":{"group":"apps","version":"v1","kind":"Deployment"},"name":"web-c","namespace":"team-a","operation":"DELETE","object":null,"oldObject":{"metadata":{"name":"web-c"}}}}""";
        Assert.True((await PostAsync(_server, delete)).GetProperty("allowed").GetBoolean());
        var forgotten = await ApiCalls.ReadJsonAsync(await admin.GetAsync("api/v2.0/admission/audit"));
        Assert.Equal(2, forgotten.GetProperty("total_workloads").GetInt32());
    }

    [Fact]
    public async Task Audit_IsForSystemAdministratorsOnly()
    {
        using var anonymous = _server.CreateAnonymousClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("api/v2.0/admission/audit")).StatusCode);

        var user = ApiCalls.UniqueName("dev");
        await ApiCalls.CreateUserAsync(_server, user, "Passw0rd-dev");
        using var developer = ApiCalls.SignedIn(_server, user, "Passw0rd-dev");
        Assert.Contains("may not read the admission audit", await ApiCalls.ErrorMessageAsync(await developer.GetAsync("api/v2.0/admission/audit"), HttpStatusCode.Forbidden));
    }
}
