using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Berth.IntegrationTests.Infrastructure;

namespace Berth.IntegrationTests.Api;

/// <summary>Pushes the real one-layer Debian image with skopeo and reads the Harbor API's JSON answers.</summary>
public static class ApiImage
{
    /// <summary>Copies the minbase image to <c>{repository}:{tag}</c> on the server; returns its manifest digest.</summary>
    public static async Task<string> PushAsync(BerthServer server, string repository, string tag)
    {
        var layout = await TestImages.LayoutAsync();
        await Skopeo.CopyAsync($"oci:{layout.Directory}:{TestImages.Minbase}", $"docker://{server.Host}/{repository}:{tag}");
        return layout.ManifestDigest(TestImages.Minbase);
    }

    /// <summary>What the image occupies as Harbor counts it: the manifest, its config and its layers.</summary>
    public static async Task<long> SizeAsync()
    {
        var layout = await TestImages.LayoutAsync();
        var manifest = layout.ManifestDigest(TestImages.Minbase);
        return new[] { manifest }.Concat(layout.ContentDigests(manifest)).Sum(d => new FileInfo(layout.BlobPath(d)).Length);
    }

    /// <summary>The repository segment of an API path: the name without the project, '/' encoded twice.</summary>
    public static string Segment(string repositoryWithoutProject) => repositoryWithoutProject.Replace("/", "%252F");

    public static async Task<JsonNode> GetJsonAsync(HttpClient client, string path, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await client.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"GET {path} answered {(int)response.StatusCode}, expected {(int)expected}: {body}");
        return JsonNode.Parse(body)!;
    }

    public static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    /// <summary>GETs a manifest through /v2 as a client pulls it; null when it answers 404.</summary>
    public static async Task<string?> PullDigestAsync(HttpClient client, string repository, string reference)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"v2/{repository}/manifests/{reference}");
        request.Headers.TryAddWithoutValidation("Accept", "application/vnd.oci.image.manifest.v1+json, application/vnd.docker.distribution.manifest.v2+json");
        using var response = await client.SendAsync(request);
        if (response.StatusCode == HttpStatusCode.NotFound) return null;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return response.Headers.GetValues("Docker-Content-Digest").Single();
    }
}
