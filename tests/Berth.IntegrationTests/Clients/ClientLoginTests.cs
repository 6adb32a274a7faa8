using System.Net;
using System.Text;
using Berth.IntegrationTests.Infrastructure;

namespace Berth.IntegrationTests.Clients;

/// <summary>
/// Real clients signing in as a user: <c>podman login</c> with a project developer's password, a wrong
/// password refused, and anonymous pulls allowed from a public project but not from a private one.
/// </summary>
public sealed class ClientLoginTests(BerthServerFixture fixture) : IClassFixture<BerthServerFixture>, IDisposable
{
    private const string Password = "Carol-Pass-2026";
    private readonly Podman _podman = new();

    [Fact]
    public async Task PodmanLogin_AsAProjectDeveloper_PullsAndPushesWithThoseCredentials()
    {
        var host = fixture.Server.Host;
        await CreateDeveloperAsync("carol", "project");
        var images = await TestImages.LayoutAsync();
        await Skopeo.CopyAsync($"oci:{images.Directory}:{TestImages.Minbase}", $"docker://{host}/project/login/debian:minbase");
        var authFile = Path.Combine(_podman.Directory, "auth.json");

        var login = await _podman.RunAsync("login", "--tls-verify=false", "--authfile", authFile, "-u", "carol", "-p", Password, host);
        await _podman.RunAsync("pull", "--tls-verify=false", "--authfile", authFile, $"{host}/project/login/debian:minbase");
        await _podman.RunAsync("tag", $"{host}/project/login/debian:minbase", $"{host}/project/login/copy:carol");
        await _podman.RunAsync("push", "--tls-verify=false", "--authfile", authFile, $"{host}/project/login/copy:carol");

        Assert.Contains("Login Succeeded", login);
        using (var auth = System.Text.Json.JsonDocument.Parse(await File.ReadAllTextAsync(authFile)))
        {
            var stored = auth.RootElement.GetProperty("auths").GetProperty(host).GetProperty("auth").GetString()!;
            Assert.Equal($"carol:{Password}", Encoding.UTF8.GetString(Convert.FromBase64String(stored)));
        }
        using var admin = fixture.Server.CreateClient();
        using var pushed = await admin.GetAsync("v2/project/login/copy/tags/list");
        Assert.Contains("\"carol\"", await pushed.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task PodmanLogin_WrongPassword_IsRefused()
    {
        await CreateDeveloperAsync("dave", "project");
        var authFile = Path.Combine(_podman.Directory, "auth-wrong.json");

        var result = await Tool.RunAsync("podman",
            ["--storage-driver=vfs", "--root", Path.Combine(_podman.Directory, "root"), "--runroot", Path.Combine(_podman.Directory, "runroot"),
             "login", "--tls-verify=false", "--authfile", authFile, "-u", "dave", "-p", "Not-Daves-1", fixture.Server.Host],
            TimeSpan.FromMinutes(2));

        Assert.NotEqual(0, result.ExitCode);
        Assert.True(result.Error.Contains("invalid username/password", StringComparison.OrdinalIgnoreCase), result.Error);
    }

    [Fact]
    public async Task AnonymousSkopeo_PullsFromAPublicProjectButNotFromAPrivateOne()
    {
        var host = fixture.Server.Host;
        await fixture.Server.EnsureProjectAsync("openimages", isPublic: true);
        var images = await TestImages.LayoutAsync();
        await Skopeo.CopyAsync($"oci:{images.Directory}:{TestImages.Minbase}", $"docker://{host}/openimages/debian:minbase");
        await Skopeo.CopyAsync($"oci:{images.Directory}:{TestImages.Minbase}", $"docker://{host}/project/closed/debian:minbase");
        var target = Path.Combine(_podman.Directory, "anonymous-copy");

        var open = await AnonymousCopyAsync($"docker://{host}/openimages/debian:minbase", $"oci:{target}:open");
        var closed = await AnonymousCopyAsync($"docker://{host}/project/closed/debian:minbase", $"oci:{target}:closed");

        Assert.True(open.ExitCode == 0, open.Error);
        Assert.NotEqual(0, closed.ExitCode);
        Assert.True(closed.Error.Contains("unauthorized", StringComparison.OrdinalIgnoreCase), closed.Error);
    }

    private static Task<ToolResult> AnonymousCopyAsync(string source, string destination) =>
        Tool.RunAsync("skopeo", ["copy", "--src-tls-verify=false", "--src-no-creds", source, destination], TimeSpan.FromMinutes(5));

    private async Task CreateDeveloperAsync(string username, string project)
    {
        using var admin = fixture.Server.CreateClient();
        using var user = await admin.PostAsync("api/v2.0/users", Json(
            $$"""{"username":"{{username}}","password":"{{Password}}","email":"{{username}}@example.com","realname":"{{username}}","comment":""}"""));
        Assert.True(user.StatusCode is HttpStatusCode.Created or HttpStatusCode.Conflict, await user.Content.ReadAsStringAsync());
        using var member = await admin.PostAsync($"api/v2.0/projects/{project}/members", Json(
            $$$"""{"role_id":2,"member_user":{"username":"{{{username}}}"}}"""));
        Assert.True(member.StatusCode is HttpStatusCode.Created or HttpStatusCode.Conflict, await member.Content.ReadAsStringAsync());
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    public void Dispose() => _podman.Dispose();
}
