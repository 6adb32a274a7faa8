using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Berth.IntegrationTests.Api;
using Berth.IntegrationTests.Infrastructure;

namespace Berth.IntegrationTests.Policy;

/// <summary>What the pull-prevention tests share: Harbor's messages, project settings through the API, tokens, raw manifest requests.</summary>
internal static class PullPreventionCalls
{
    public const string ManifestAccept =
        "application/vnd.oci.image.manifest.v1+json, application/vnd.oci.image.index.v1+json, application/vnd.docker.distribution.manifest.v2+json";

    public static string Vulnerable(int count, string thing, string severity, string blocking) =>
        $"current image with {count} {thing} cannot be pulled due to configured policy in 'Prevent images with vulnerability severity of \"{severity}\" or higher from running.' " +
        $"To continue with pull, please contact your project administrator to exempt matched vulnerabilities through configuring the CVE allowlist. Blocking vulnerabilities: {blocking}.";

    public static string Unscanned(string severity) =>
        $"current image without vulnerability scanning cannot be pulled due to configured policy in 'Prevent images with vulnerability severity of \"{severity}\" or higher from running.' " +
        "To continue with pull, please contact your project administrator for help.";

    /// <summary>PUT /projects/{name} with Harbor's ProjectReq body; asserts 200.</summary>
    public static async Task UpdateProjectAsync(BerthServer server, string project, string body)
    {
        using var admin = server.CreateClient();
        using var response = await admin.PutAsync($"api/v2.0/projects/{project}", ApiCalls.Json(body));
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    /// <summary>A token from /service/token for one scope, asked with the admin's Basic credentials.</summary>
    public static async Task<string> TokenAsync(BerthServer server, string scope)
    {
        using var client = server.CreateAnonymousClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"service/token?service=berth-registry&scope={Uri.EscapeDataString(scope)}");
        request.Headers.Authorization = AuthenticationHeaderValue.Parse(server.AdminAuthorization);
        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        using var json = JsonDocument.Parse(body);
        return json.RootElement.GetProperty("token").GetString()!;
    }

    /// <summary>A manifest GET or HEAD with the given Authorization (and User-Agent); the response is the caller's to dispose.</summary>
    public static async Task<HttpResponseMessage> ManifestAsync(
        BerthServer server, HttpMethod method, string repository, string reference, string authorization, string? userAgent = null)
    {
        using var client = server.CreateAnonymousClient();
        var request = new HttpRequestMessage(method, $"v2/{repository}/manifests/{reference}");
        request.Headers.Authorization = AuthenticationHeaderValue.Parse(authorization);
        request.Headers.Accept.ParseAdd(ManifestAccept);
        if (userAgent is not null) request.Headers.UserAgent.ParseAdd(userAgent);
        return await client.SendAsync(request);
    }

    /// <summary>Asserts a 412 whose body is Harbor's PROJECTPOLICYVIOLATION error with this message.</summary>
    public static async Task AssertRefusedAsync(HttpResponseMessage response, string message)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.PreconditionFailed, $"{(int)response.StatusCode}: {body}");
        using var json = JsonDocument.Parse(body);
        var error = json.RootElement.GetProperty("errors")[0];
        Assert.Equal("PROJECTPOLICYVIOLATION", error.GetProperty("code").GetString());
        Assert.Equal(message, error.GetProperty("message").GetString());
    }

    /// <summary>skopeo prints its fatal error as a logfmt field: the message's double quotes come out escaped.</summary>
    public static string AsSkopeoLogs(string message) => message.Replace("\"", "\\\"", StringComparison.Ordinal);

    /// <summary>skopeo reads the manifest as a client pulling would, with the auth file's Basic credentials turned into a token.</summary>
    public static Task<ToolResult> SkopeoInspectAsync(BerthServer server, string repository, string tag, params string[] options) =>
        Tool.RunAsync("skopeo", ["inspect", "--raw", "--tls-verify=false", .. options, $"docker://{server.Host}/{repository}:{tag}"], TimeSpan.FromMinutes(5));

    /// <summary>skopeo copies the whole image out, as a pull does.</summary>
    public static Task<ToolResult> SkopeoPullAsync(BerthServer server, string repository, string tag, string directory) =>
        Tool.RunAsync("skopeo", ["copy", "--src-tls-verify=false", $"docker://{server.Host}/{repository}:{tag}", $"oci:{directory}:pulled"],
            TimeSpan.FromMinutes(5));
}
