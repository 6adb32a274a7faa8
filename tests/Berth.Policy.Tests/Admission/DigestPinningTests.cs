using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Berth.Core;
using Berth.Core.Manifests;
using Berth.Metadata;
using Berth.Policy.Admission;
using static Berth.Policy.Tests.Admission.AdmissionHarness;
using static Berth.Policy.Tests.Admission.AdmissionReviews;

namespace Berth.Policy.Tests.Admission;

/// <summary>
/// The mutating webhook over a real SQLite metadata file: which images it pins, the patch applied with an RFC 6902
/// applier to the object of every pod-creating kind, and what it leaves alone.
/// </summary>
public sealed class DigestPinningTests : IAsyncLifetime
{
    private PolicyDatabase _database = null!;
    private Digest _web;
    private Digest _worker;

    public async Task InitializeAsync()
    {
        _database = await PolicyDatabase.CreateAsync();
        await _database.CreateProjectAsync("shop");
        _web = await PushAsync(_database.Metadata, "shop/web", "1.0", "web");
        _worker = await PushAsync(_database.Metadata, "shop/worker", "2", "worker");
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private AdmissionMutator Mutator(params DigestPinRule[] rules) =>
        new(new DigestPinning(rules), _database.Metadata, new AdmissionSettings(Registry, AdmissionSettings.StandardTimeout, 100));

    private static DigestPinRule Rule(string[]? namespaces = null, string[]? excluded = null, string[]? repos = null) =>
        DigestPinRule.Parse(namespaces ?? [], excluded ?? [], repos ?? [], "Admission:PinDigests:0", out var error) ?? throw new InvalidOperationException(error);

    private static async Task<JsonElement> RespondAsync(AdmissionMutator mutator, byte[] review)
    {
        var outcome = await mutator.MutateAsync(review, "5s", default);
        Assert.False(outcome.IsMalformed, outcome.Error);
        var response = Response(outcome.Review!);
        Assert.True(response.GetProperty("allowed").GetBoolean());
        Assert.False(response.TryGetProperty("status", out _));
        return response;
    }

    /// <summary>The patch, checked for its envelope; null when the answer carries none.</summary>
    private static JsonArray? Patch(JsonElement response)
    {
        if (!response.TryGetProperty("patch", out var patch))
        {
            Assert.False(response.TryGetProperty("patchType", out _));
            return null;
        }
        Assert.Equal("JSONPatch", response.GetProperty("patchType").GetString());
        return JsonNode.Parse(Convert.FromBase64String(patch.GetString()!))!.AsArray();
    }

    [Fact]
    public async Task WithoutRules_NothingIsPinned_AndTheReviewIsAllowed()
    {
        var response = await RespondAsync(Mutator(), Pod(("web", $"{Registry}/shop/web:1.0")));

        Assert.Null(Patch(response));
    }

    [Fact]
    public async Task EveryPodCreatingKind_GetsItsTagsPinned_AtThePathsOfItsPodSpec()
    {
        foreach (var (_, kind, _) in Kinds)
        {
            // Ephemeral containers exist only on Pods (and only through the subresource); the others carry init containers.
            var spec = PodSpec(
                [("foreign", "nginx:1.25"), ("web", $"{Registry}/shop/web:1.0"), ("pinned", $"{Registry}/shop/web@{_web}"), ("gone", $"{Registry}/shop/web:9")],
                init: [("migrate", $"{Registry}/shop/worker:2")],
                ephemeral: kind == "Pod" ? [("debug", $"{Registry}/shop/worker:2")] : null);
            var obj = Object(kind, spec);

            var patch = Patch(await RespondAsync(Mutator(Rule()), Review(kind, obj)));

            Assert.NotNull(patch);
            var patched = JsonPatchApplier.Apply(obj, patch);
            var podSpec = PodSpecPath.For(kind)!.Aggregate((JsonNode)patched, (node, step) => node[step]!);
            string Image(string list, int i) => podSpec[list]![i]!["image"]!.GetValue<string>();
            Assert.Equal("nginx:1.25", Image("containers", 0));
            Assert.Equal($"{Registry}/shop/web:1.0@{_web}", Image("containers", 1));
            Assert.Equal($"{Registry}/shop/web@{_web}", Image("containers", 2));
            Assert.Equal($"{Registry}/shop/web:9", Image("containers", 3));
            Assert.Equal($"{Registry}/shop/worker:2@{_worker}", Image("initContainers", 0));
            if (kind == "Pod") Assert.Equal($"{Registry}/shop/worker:2@{_worker}", Image("ephemeralContainers", 0));
            Assert.Equal(kind == "Pod" ? 3 : 2, patch.Count);
        }
    }

    [Fact]
    public async Task AnImageWithoutATag_IsPinnedWithTheDigestOfLatest()
    {
        var latest = await PushAsync(_database.Metadata, "shop/web", "latest", "latest");
        var obj = Object("Deployment", PodSpec([("web", $"{Registry}/shop/web")]));

        var patched = JsonPatchApplier.Apply(obj, Patch(await RespondAsync(Mutator(Rule()), Review("Deployment", obj)))!);

        Assert.Equal($"{Registry}/shop/web@{latest}", patched["spec"]!["template"]!["spec"]!["containers"]![0]!["image"]!.GetValue<string>());
    }

    [Fact]
    public async Task Rules_PinOnlyTheNamespacesAndRepositoriesTheyName()
    {
        var rule = Rule(namespaces: ["prod-*"], excluded: ["prod-legacy"], repos: [$"{Registry}/shop/web"]);
        JsonObject Spec() => PodSpec([("web", $"{Registry}/shop/web:1.0"), ("worker", $"{Registry}/shop/worker:2")]);

        var inProd = Patch(await RespondAsync(Mutator(rule), Review("Pod", Object("Pod", Spec()), @namespace: "prod-eu")));
        var legacy = Patch(await RespondAsync(Mutator(rule), Review("Pod", Object("Pod", Spec()), @namespace: "prod-legacy")));
        var dev = Patch(await RespondAsync(Mutator(rule), Review("Pod", Object("Pod", Spec()), @namespace: "dev")));

        Assert.Equal($$"""[{"op":"replace","path":"/spec/containers/0/image","value":"{{Registry}}/shop/web:1.0@{{_web}}"}]""", inProd!.ToJsonString());
        Assert.Null(legacy);
        Assert.Null(dev);
    }

    [Fact]
    public async Task Update_PinsOnlyImagesNewInTheRequest_SoScalingChangesNoTemplate()
    {
        var old = Object("Deployment", PodSpec([("web", $"{Registry}/shop/web:1.0"), ("worker", $"{Registry}/shop/worker:1")]));
        var current = Object("Deployment", PodSpec([("web", $"{Registry}/shop/web:1.0"), ("worker", $"{Registry}/shop/worker:2")]));

        var scaled = Patch(await RespondAsync(Mutator(Rule()), Review("Deployment", old.DeepClone(), "UPDATE", old.DeepClone())));
        var changed = Patch(await RespondAsync(Mutator(Rule()), Review("Deployment", current, "UPDATE", old)));

        Assert.Null(scaled);
        Assert.Equal($$"""[{"op":"replace","path":"/spec/template/spec/containers/1/image","value":"{{Registry}}/shop/worker:2@{{_worker}}"}]""", changed!.ToJsonString());
    }

    [Fact]
    public async Task LookAlikeHostsAndOtherRegistries_AreNeverPinned()
    {
        var spec = PodSpec([("a", $"{Registry}.evil.io/shop/web:1.0"), ("b", "docker.io/shop/web:1.0"), ("c", "shop/web:1.0")]);

        Assert.Null(Patch(await RespondAsync(Mutator(Rule()), Review("Pod", Object("Pod", spec)))));
    }

    [Fact]
    public async Task DeleteAndOtherKinds_AreAllowedWithoutPatch()
    {
        var service = new JsonObject { ["apiVersion"] = "v1", ["kind"] = "Service", ["metadata"] = new JsonObject { ["name"] = "web" }, ["spec"] = new JsonObject() };

        Assert.Null(Patch(await RespondAsync(Mutator(Rule()), Review("Service", service))));
        Assert.Null(Patch(await RespondAsync(Mutator(Rule()), Review("Pod", null, "DELETE", Object("Pod", PodSpec([("web", $"{Registry}/shop/web:1.0")]))))));
    }

    [Theory]
    [InlineData("{not json", "not valid JSON")]
    [InlineData("""{"apiVersion":"admission.k8s.io/v1","kind":"AdmissionReview","request":{"uid":"u","kind":{"kind":"Pod"},"operation":"CREATE","object":{"spec":{"containers":{"image":"x"}}}}}""", "containers is not an array")]
    [InlineData("""{"apiVersion":"admission.k8s.io/v1","kind":"AdmissionReview","request":{"uid":"u","kind":{"kind":"Pod"},"operation":"CREATE","object":{"spec":{"containers":[{"name":"a","image":7}]}}}}""", "image is not a string")]
    public async Task MalformedReviews_AreRefusedWithTheReason(string body, string expected)
    {
        var outcome = await Mutator(Rule()).MutateAsync(Encoding.UTF8.GetBytes(body), null, default);

        Assert.True(outcome.IsMalformed);
        Assert.Contains(expected, outcome.Error);
    }

    [Theory]
    [InlineData("containers", "/containers")]
    [InlineData("a/b", "/a~1b")]
    [InlineData("a~1", "/a~01")]
    [InlineData("~/", "/~0~1")]
    public void JsonPointer_EscapesTildeThenSlash(string segment, string pointer) =>
        Assert.Equal(pointer, JsonPointer.Of([segment]));

    [Theory]
    [InlineData(new[] { "prod-*-x" }, new string[0], new string[0], "Admission:PinDigests:0:Namespaces:0 'prod-*-x' has a '*'")]
    [InlineData(new string[0], new[] { "" }, new string[0], "Admission:PinDigests:0:ExcludedNamespaces:0 is empty")]
    [InlineData(new string[0], new string[0], new[] { "registry.example.com/sh*p" }, "Admission:PinDigests:0:Repos:0 'registry.example.com/sh*p'")]
    public void InvalidRules_NameTheKeyAtFault(string[] namespaces, string[] excluded, string[] repos, string expected)
    {
        Assert.Null(DigestPinRule.Parse(namespaces, excluded, repos, "Admission:PinDigests:0", out var error));
        Assert.StartsWith(expected, error);
    }

    /// <summary>A manifest whose annotation makes its digest distinct per <paramref name="marker"/>.</summary>
    internal static async Task<Digest> PushAsync(IRegistryMetadata metadata, string repository, string tag, string marker)
    {
        var config = Encoding.UTF8.GetBytes("{\"architecture\":\"amd64\",\"os\":\"linux\",\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[]}}");
        var configDigest = Digest.Compute(config);
        await metadata.LinkBlobAsync(repository, configDigest, config.Length, default);
        var json = new JsonObject
        {
            ["schemaVersion"] = 2,
            ["mediaType"] = MediaTypes.OciManifest,
            ["config"] = new JsonObject { ["mediaType"] = "application/vnd.oci.image.config.v1+json", ["digest"] = configDigest.ToString(), ["size"] = config.Length },
            ["layers"] = new JsonArray(),
            ["annotations"] = new JsonObject { ["marker"] = marker },
        };
        var content = Encoding.UTF8.GetBytes(json.ToJsonString());
        var digest = Digest.Compute(content);
        var stored = await metadata.PutManifestAsync(new ManifestUpload(repository, digest, content, ManifestParser.Parse(content, null).Value, tag), default);
        Assert.True(stored.Succeeded);
        return digest;
    }
}
