using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Berth.IntegrationTests.Infrastructure;

namespace Berth.IntegrationTests.Clients;

/// <summary>podman pulls from Berth, pushes the image to another Berth repository and pulls that again.</summary>
public sealed class PodmanTests(BerthServerFixture fixture) : IClassFixture<BerthServerFixture>, IDisposable
{
    private readonly Podman _podman = new();

    [Fact]
    public async Task PullTagPushPull_RoundTripsThroughBerth()
    {
        var images = await TestImages.LayoutAsync();
        var configDigest = images.ContentDigests(images.ManifestDigest(TestImages.Minbase))[0];
        var host = fixture.Server.Host;
        await Skopeo.CopyAsync($"oci:{images.Directory}:{TestImages.Minbase}", $"docker://{host}/project/team/debian:minbase");
        var source = $"{host}/project/team/debian:minbase";
        var target = $"{host}/project/other/debian:copied";

        await _podman.RunAsync("pull", "--tls-verify=false", source);
        // podman's image id is the config digest: the image arrived intact.
        Assert.Equal(ContentDigest.Hex(configDigest), await _podman.RunAsync("image", "inspect", "--format", "{{.Id}}", source));

        await _podman.RunAsync("tag", source, target);
        var digestFile = Path.Combine(_podman.Directory, "pushed.digest");
        await _podman.RunAsync("push", "--tls-verify=false", "--digestfile", digestFile, target);
        var pushedDigest = (await File.ReadAllTextAsync(digestFile)).Trim();

        var (servedDigest, manifest) = await GetManifestAsync("project/other/debian", "copied");
        Assert.Equal(pushedDigest, servedDigest);
        Assert.Equal(configDigest, manifest["config"]!["digest"]!.GetValue<string>());
        await AssertBlobsPresentAsync("project/other/debian", manifest);

        await _podman.RunAsync("rmi", "--all", "--force");
        Assert.Equal("", await _podman.RunAsync("images", "--quiet"));
        await _podman.RunAsync("pull", "--tls-verify=false", target);
        Assert.Equal(ContentDigest.Hex(configDigest), await _podman.RunAsync("image", "inspect", "--format", "{{.Id}}", target));
        Assert.Equal(pushedDigest, await _podman.RunAsync("image", "inspect", "--format", "{{.Digest}}", target));
    }

    private async Task<(string Digest, JsonObject Manifest)> GetManifestAsync(string repository, string tag)
    {
        using var client = fixture.Server.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"v2/{repository}/manifests/{tag}");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(TestManifests.OciManifest));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/vnd.docker.distribution.manifest.v2+json"));
        using var response = await client.SendAsync(request);
        await RegistryHttp.EnsureStatusAsync(response, HttpStatusCode.OK);
        var content = await response.Content.ReadAsByteArrayAsync();
        var digest = response.Headers.GetValues("Docker-Content-Digest").Single();
        Assert.Equal(digest, ContentDigest.Of(content));
        return (digest, JsonNode.Parse(content)!.AsObject());
    }

    private async Task AssertBlobsPresentAsync(string repository, JsonObject manifest)
    {
        using var client = fixture.Server.CreateClient();
        var layers = manifest["layers"]!.AsArray();
        Assert.NotEmpty(layers);
        foreach (var descriptor in (JsonNode[])[manifest["config"]!, .. layers.Select(l => l!)])
        {
            using var response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, $"v2/{repository}/blobs/{descriptor["digest"]}"));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(descriptor["size"]!.GetValue<long>(), response.Content.Headers.ContentLength);
        }
    }

    public void Dispose() => _podman.Dispose();
}
