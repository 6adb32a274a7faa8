using System.Net;
using System.Text;
using System.Text.Json;
using Berth.IntegrationTests.Api;
using Berth.IntegrationTests.Infrastructure;

namespace Berth.IntegrationTests.Admission;

/// <summary>
/// The validating webhook on a real <c>berth serve</c> over loopback HTTP, with no constraint configured: only
/// images from Berth's own address (its listen address here) are admitted, and those must pass their project's
/// deployment policy.
/// </summary>
public sealed class AdmissionWebhookTests(BerthServerFixture fixture) : IClassFixture<BerthServerFixture>
{
    private BerthServer Server => fixture.Server;

    internal static string Review(string uid, string kind, string podSpecJson)
    {
        var obj = kind switch
        {
            "Pod" => """{"apiVersion":"v1","kind":"Pod","metadata":{"name":"web","namespace":"team-a"},"spec":SPEC}""",
            "CronJob" => """{"apiVersion":"batch/v1","kind":"CronJob","metadata":{"name":"web"},"spec":{"schedule":"* * * * *","jobTemplate":{"spec":{"template":{"spec":SPEC}}}}}""",
            _ => """{"apiVersion":"apps/v1","kind":"KIND","metadata":{"name":"web"},"spec":{"template":{"metadata":{"labels":{"app":"web"}},"spec":SPEC}}}""",
        };
        var group = kind switch { "Pod" => "", "CronJob" => "batch", _ => "apps" };
        return """
            {"apiVersion":"admission.k8s.io/v1","kind":"AdmissionReview","request":{"uid":"UID",
             "kind":{"group":"GROUP","version":"v1","kind":"KIND"},"resource":{"group":"GROUP","version":"v1","resource":"x"},
             "name":"web","namespace":"team-a","operation":"CREATE","userInfo":{"username":"alice"},"object":OBJECT,"oldObject":null,"dryRun":false}}
            """.Replace("OBJECT", obj.Replace("SPEC", podSpecJson)).Replace("UID", uid).Replace("GROUP", group).Replace("KIND", kind);
    }

    internal static async Task<JsonElement> PostAsync(BerthServer server, string review, string query = "?timeout=10s")
    {
        using var client = server.CreateAnonymousClient();
        using var response = await client.PostAsync("admission/validate" + query, new StringContent(review, Encoding.UTF8, "application/json"));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {body}");
        using var document = JsonDocument.Parse(body);
        Assert.Equal("admission.k8s.io/v1", document.RootElement.GetProperty("apiVersion").GetString());
        Assert.Equal("AdmissionReview", document.RootElement.GetProperty("kind").GetString());
        return document.RootElement.GetProperty("response").Clone();
    }

    internal static string DenyMessage(JsonElement response)
    {
        Assert.False(response.GetProperty("allowed").GetBoolean(), response.ToString());
        Assert.Equal(403, response.GetProperty("status").GetProperty("code").GetInt32());
        Assert.Equal("Forbidden", response.GetProperty("status").GetProperty("reason").GetString());
        return response.GetProperty("status").GetProperty("message").GetString()!;
    }

    [Fact]
    public async Task ForeignImage_IsDeniedByTheDefaultRule_EchoingTheUid()
    {
        var response = await PostAsync(Server, Review("uid-foreign", "Pod", """{"containers":[{"name":"unsafe-container","image":"nginx"}]}"""));

        Assert.Equal("uid-foreign", response.GetProperty("uid").GetString());
        Assert.Equal(
            $"[denied by berth-allowed-registries] container \"unsafe-container\" has an invalid image repo \"docker.io/library/nginx:latest\", allowed repos are [\"{Server.Host}\"]",
            DenyMessage(response));
    }

    [Fact]
    public async Task PushedImage_InAProjectWithoutPolicy_IsAdmitted_InEveryKind()
    {
        await ApiImage.PushAsync(Server, "project/admission/web", "1.0");

        foreach (var kind in new[] { "Pod", "Deployment", "StatefulSet", "CronJob" })
        {
            var response = await PostAsync(Server, Review($"uid-{kind}", kind, $$"""{"containers":[{"name":"web","image":"{{Server.Host}}/project/admission/web:1.0"}]}"""));
            Assert.True(response.GetProperty("allowed").GetBoolean(), $"{kind}: {response}");
        }
    }

    [Fact]
    public async Task ImageMissingFromBerth_IsDenied_SayingSo()
    {
        var message = DenyMessage(await PostAsync(Server, Review("uid-missing", "Deployment",
            $$"""{"initContainers":[{"name":"seed","image":"{{Server.Host}}/project/admission/none:9"}],"containers":[{"name":"web","image":"{{Server.Host}}/project/admission/none:9"}]}""")));

        Assert.Equal(
            $"[denied by berth-registry-policy] container \"web\" image \"{Server.Host}/project/admission/none:9\" does not exist in Berth: repository \"project/admission/none\" has no tag \"9\"\n" +
            $"[denied by berth-registry-policy] initContainer \"seed\" image \"{Server.Host}/project/admission/none:9\" does not exist in Berth: repository \"project/admission/none\" has no tag \"9\"",
            message);
    }

    [Fact]
    public async Task LookAlikeHosts_AreDenied()
    {
        var host = Server.Host;
        var spec = $$"""{"containers":[{"name":"a","image":"{{host}}.evil.io/project/x:1"},{"name":"b","image":"{{host}}0/project/x:1"},{"name":"c","image":"evil.io/{{host}}/project/x:1"}]}""";

        var lines = DenyMessage(await PostAsync(Server, Review("uid-lookalike", "Pod", spec))).Split('\n');

        Assert.Equal(3, lines.Length);
        Assert.All(lines, line => Assert.StartsWith("[denied by berth-allowed-registries]", line));
    }

    [Theory]
    [InlineData("{not json", "not valid JSON")]
    [InlineData("""{"apiVersion":"admission.k8s.io/v1","kind":"AdmissionReview"}""", "request is missing")]
    [InlineData("""{"apiVersion":"admission.k8s.io/v1","kind":"AdmissionReview","request":{"kind":{"kind":"Pod"},"operation":"CREATE","object":{}}}""", "request.uid is missing")]
    [InlineData("""{"apiVersion":"admission.k8s.io/v1","kind":"Pod","request":{}}""", "kind is 'Pod'")]
    [InlineData("""{"apiVersion":"admission.k8s.io/v1","kind":"AdmissionReview","request":{"uid":"u","kind":{"kind":"Pod"},"operation":"CREATE","object":"nginx"}}""", "request.object is a JSON string")]
    public async Task MalformedReview_Gets400WithTheReason(string body, string expected)
    {
        using var client = Server.CreateAnonymousClient();
        using var response = await client.PostAsync("admission/validate", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(expected, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task NonJsonBody_Gets415()
    {
        using var client = Server.CreateAnonymousClient();
        using var response = await client.PostAsync("admission/validate", new StringContent("apiVersion: v1", Encoding.UTF8, "application/yaml"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Contains("application/json", await response.Content.ReadAsStringAsync());
    }
}
