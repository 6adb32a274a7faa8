using Berth.IntegrationTests.Api;
using Berth.IntegrationTests.Infrastructure;
using static Berth.IntegrationTests.Policy.ImmutableTagRuleApi;

namespace Berth.IntegrationTests.Policy;

/// <summary>A real client meets an immutable tag: skopeo's copy over it fails and prints Harbor's message.</summary>
public sealed class ImmutableTagClientTests(BerthServerFixture fixture) : IClassFixture<BerthServerFixture>
{
    [Fact]
    public async Task SkopeoCopyOverAnImmutableTag_FailsWithTheMessage_AndTheTagStays()
    {
        var server = fixture.Server;
        var project = ApiCalls.UniqueName("skopeo");
        await server.EnsureProjectAsync(project);
        var digest = await ApiImage.PushAsync(server, $"{project}/debian", "12");
        using var admin = server.CreateClient();
        await CreateAsync(admin, project, Body("[0-9]*", "debian"));
        var layout = await TestImages.LayoutAsync();

        var copy = await Tool.RunAsync("skopeo",
            ["copy", "--src-tls-verify=false", "--dest-tls-verify=false", $"oci:{layout.Directory}:{TestImages.Node}", $"docker://{server.Host}/{project}/debian:12"],
            TimeSpan.FromMinutes(5));

        Assert.False(copy.Succeeded, copy.ToString());
        Assert.Contains("Failed to process request due to 'debian:12' configured as immutable.", copy.Error);
        Assert.Equal(digest, await DigestOfAsync(admin, $"{project}/debian", "12"));
    }
}
