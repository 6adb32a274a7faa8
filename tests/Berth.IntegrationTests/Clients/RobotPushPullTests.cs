using Berth.IntegrationTests.Infrastructure;
using static Berth.IntegrationTests.Infrastructure.RobotApi;

namespace Berth.IntegrationTests.Clients;

/// <summary>skopeo pushes and pulls the real Debian image with robot credentials, and is refused what the robot lacks.</summary>
public sealed class RobotPushPullTests(BerthServerFixture fixture) : IClassFixture<BerthServerFixture>, IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("berth-it-robot-").FullName;
    private BerthServer Server => fixture.Server;

    [Fact]
    public async Task PushPullRobot_PushesTheImage_AndPullsItBack()
    {
        using var admin = Server.CreateClient();
        var (_, name, secret) = await CreateAsync(admin, Body("ci", "project", 1, Permission("project", "project", "repository:pull", "repository:push")));
        var original = await TestImages.LayoutAsync();
        var reference = $"docker://{Server.Host}/project/robot/debian:minbase";

        await Skopeo.CopyAsync($"oci:{original.Directory}:{TestImages.Minbase}", reference, copyOptions: ["--dest-creds", $"{name}:{secret}"]);

        var copy = OciLayout.Create(Path.Combine(_work, "pulled"));
        await Skopeo.CopyAsync(reference, $"oci:{copy.Directory}:minbase", copyOptions: ["--src-creds", $"{name}:{secret}"]);
        var digest = original.ManifestDigest(TestImages.Minbase);
        Assert.Equal(digest, copy.ManifestDigest("minbase"));
        foreach (var blob in original.ContentDigests(digest))
            Assert.Equal(blob, await ContentDigest.OfFileAsync(copy.BlobPath(blob)));
    }

    [Fact]
    public async Task PullOnlyRobot_IsRefusedPush_ButPulls()
    {
        var original = await TestImages.LayoutAsync();
        var pushed = $"docker://{Server.Host}/project/robot/readonly:minbase";
        await Skopeo.CopyAsync($"oci:{original.Directory}:{TestImages.Minbase}", pushed);
        using var admin = Server.CreateClient();
        var (_, name, secret) = await CreateAsync(admin, Body("reader", "project", -1, Permission("project", "project", "repository:pull")));

        var push = await CopyAsync($"oci:{original.Directory}:{TestImages.Minbase}", $"docker://{Server.Host}/project/robot/refused:minbase", "--dest-creds", $"{name}:{secret}");
        Assert.False(push.Succeeded, push.ToString());
        Assert.Contains("denied", push.Error, StringComparison.OrdinalIgnoreCase);
        using (var refused = await admin.GetAsync("v2/project/robot/refused/tags/list"))
            Assert.Equal(System.Net.HttpStatusCode.NotFound, refused.StatusCode);

        var copy = OciLayout.Create(Path.Combine(_work, "reader"));
        await Skopeo.CopyAsync(pushed, $"oci:{copy.Directory}:minbase", copyOptions: ["--src-creds", $"{name}:{secret}"]);
        Assert.Equal(original.ManifestDigest(TestImages.Minbase), copy.ManifestDigest("minbase"));
    }

    [Fact]
    public async Task WrongSecret_FailsThePull()
    {
        var original = await TestImages.LayoutAsync();
        var pushed = $"docker://{Server.Host}/project/robot/secret:minbase";
        await Skopeo.CopyAsync($"oci:{original.Directory}:{TestImages.Minbase}", pushed);
        using var admin = Server.CreateClient();
        var (_, name, secret) = await CreateAsync(admin, Body("guessed", "project", -1, Permission("project", "project", "repository:pull")));

        var pull = await CopyAsync(pushed, $"oci:{Path.Combine(_work, "wrong")}:minbase", "--src-creds", $"{name}:{secret}-wrong");
        Assert.False(pull.Succeeded, pull.ToString());
        Assert.Contains("unauthorized", pull.Error + pull.Output, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task SystemRobotForAllProjects_PullsFromTwoProjects()
    {
        await Server.EnsureProjectAsync("robot-one");
        await Server.EnsureProjectAsync("robot-two");
        var original = await TestImages.LayoutAsync();
        foreach (var project in new[] { "robot-one", "robot-two" })
            await Skopeo.CopyAsync($"oci:{original.Directory}:{TestImages.Minbase}", $"docker://{Server.Host}/{project}/debian:minbase");
        using var admin = Server.CreateClient();
        var (_, name, secret) = await CreateAsync(admin, Body("fleet", "system", -1, Permission("project", "*", "repository:pull")));
        Assert.Equal("robot$fleet", name);

        foreach (var project in new[] { "robot-one", "robot-two" })
        {
            var copy = OciLayout.Create(Path.Combine(_work, project));
            await Skopeo.CopyAsync($"docker://{Server.Host}/{project}/debian:minbase", $"oci:{copy.Directory}:minbase", copyOptions: ["--src-creds", $"{name}:{secret}"]);
            Assert.Equal(original.ManifestDigest(TestImages.Minbase), copy.ManifestDigest("minbase"));
        }
        // Pull everywhere is not push anywhere.
        var push = await CopyAsync($"oci:{original.Directory}:{TestImages.Minbase}", $"docker://{Server.Host}/robot-one/pushed:minbase", "--dest-creds", $"{name}:{secret}");
        Assert.False(push.Succeeded, push.ToString());
    }

    /// <summary>A copy expected to fail: its result rather than an exception.</summary>
    private static Task<ToolResult> CopyAsync(string source, string destination, string credsOption, string creds) => Tool.RunAsync("skopeo",
        ["copy", "--src-tls-verify=false", "--dest-tls-verify=false", "--retry-times", "0", credsOption, creds, source, destination], TimeSpan.FromMinutes(5));

    public void Dispose() => Directory.Delete(_work, recursive: true);
}
