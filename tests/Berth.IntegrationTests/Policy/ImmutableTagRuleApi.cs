using System.Net;
using System.Text;
using Berth.IntegrationTests.Infrastructure;

namespace Berth.IntegrationTests.Policy;

/// <summary>Creating immutable tag rules and small images over real HTTP, as the immutability tests need them.</summary>
internal static class ImmutableTagRuleApi
{
    public static string Rules(string project) => $"api/v2.0/projects/{project}/immutabletagrules";

    public static string Body(string tagPattern, string repositoryPattern = "**", string tagDecoration = "matches",
        string repositoryDecoration = "repoMatches", bool disabled = false) => $$$"""
        {"disabled":{{{(disabled ? "true" : "false")}}},"action":"immutable","template":"immutable_template",
         "tag_selectors":[{"kind":"doublestar","decoration":"{{{tagDecoration}}}","pattern":"{{{tagPattern}}}"}],
         "scope_selectors":{"repository":[{"kind":"doublestar","decoration":"{{{repositoryDecoration}}}","pattern":"{{{repositoryPattern}}}"}]}}
        """;

    public static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    /// <summary>Creates the rule and returns its id, read from the Location header.</summary>
    public static async Task<long> CreateAsync(HttpClient client, string project, string body)
    {
        using var response = await client.PostAsync(Rules(project), Json(body));
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        var location = response.Headers.Location!.ToString();
        Assert.StartsWith($"/{Rules(project)}/", location);
        return long.Parse(location[(location.LastIndexOf('/') + 1)..]);
    }

    /// <summary>Pushes a config-only image distinct by <paramref name="label"/> under <paramref name="reference"/>; returns the response.</summary>
    public static async Task<(HttpResponseMessage Response, string Digest)> PushImageAsync(HttpClient client, string repository, string reference, string label)
    {
        var registry = new RegistryHttp(client);
        var config = TestManifests.Config(label);
        var configDigest = await registry.PushBlobOrFailAsync(repository, config);
        var manifest = TestManifests.Image((configDigest, config.Length));
        return (await registry.PutManifestAsync(repository, reference, manifest, TestManifests.OciManifest), ContentDigest.Of(manifest));
    }

    /// <summary>Like <see cref="PushImageAsync"/>, failing the test unless the push is accepted.</summary>
    public static async Task<string> PushImageOrFailAsync(HttpClient client, string repository, string reference, string label)
    {
        var (response, digest) = await PushImageAsync(client, repository, reference, label);
        using (response)
            Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return digest;
    }

    /// <summary>The digest a tag names on /v2, or null when it names nothing.</summary>
    public static async Task<string?> DigestOfAsync(HttpClient client, string repository, string reference)
    {
        using var request = new HttpRequestMessage(HttpMethod.Head, $"v2/{repository}/manifests/{reference}");
        request.Headers.TryAddWithoutValidation("Accept", TestManifests.OciManifest);
        using var response = await client.SendAsync(request);
        return response.StatusCode == HttpStatusCode.NotFound ? null : response.Headers.GetValues("Docker-Content-Digest").Single();
    }
}
