using static Berth.Policy.Tests.Admission.AdmissionHarness;
using static Berth.Policy.Tests.Admission.AdmissionReviews;

namespace Berth.Policy.Tests.Admission;

public sealed class AllowedRegistriesTests : IAsyncLifetime
{
    private const string Digest = "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
    private AdmissionHarness _harness = null!;

    public async Task InitializeAsync() =>
        _harness = await CreateAsync(Constraint("require-harbor-repo", "[\"registry.example.com\"]"));

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task ForeignShorthandImage_IsDenied_WithTheIssuesExactMessage()
    {
        var response = await _harness.RespondAsync(Pod(("unsafe-container", "nginx")));

        Assert.Equal(
            "[denied by require-harbor-repo] container \"unsafe-container\" has an invalid image repo \"docker.io/library/nginx:latest\", allowed repos are [\"registry.example.com\"]",
            Message(response));
    }

    public static TheoryData<string> KindNames() => [.. Kinds.Select(k => k.Kind)];

    [Theory]
    [MemberData(nameof(KindNames))]
    public async Task EveryPodCreatingKind_ForeignImage_IsDenied(string kind)
    {
        var review = Review(kind, AdmissionReviews.Object(kind, PodSpec([("web", "registry.example.com/shop/web:1"), ("sidecar", "quay.io/evil/miner:1")])));

        var message = Message(await _harness.RespondAsync(review));

        Assert.Equal("[denied by require-harbor-repo] container \"sidecar\" has an invalid image repo \"quay.io/evil/miner:1\", allowed repos are [\"registry.example.com\"]", message);
    }

    [Theory]
    [MemberData(nameof(KindNames))]
    public async Task EveryPodCreatingKind_AllowedImages_AreAdmitted(string kind)
    {
        var review = Review(kind, AdmissionReviews.Object(kind, PodSpec([("web", "registry.example.com/shop/web:1")], init: [("migrate", "registry.example.com/shop/migrate@" + Digest)])));

        var response = await _harness.RespondAsync(review);

        Assert.True(response.GetProperty("allowed").GetBoolean());
        Assert.False(response.TryGetProperty("status", out _));
    }

    [Theory]
    [InlineData("nginx", false)]
    [InlineData("library/nginx:1.25", false)]
    [InlineData("registry.example.com.evil.io/shop/web:1", false)]
    [InlineData("registry.example.comx/shop/web:1", false)]
    [InlineData("evil.io/registry.example.com/web:1", false)]
    [InlineData("registry.example.com:5000/shop/web:1", false)]
    [InlineData("registry/shop/web", false)]
    [InlineData("registry.example.com/shop/web:1", true)]
    [InlineData("REGISTRY.Example.COM/shop/web:1", true)]
    [InlineData("registry.example.com/shop/web@" + Digest, true)]
    [InlineData("registry.example.com/shop/web:1@" + Digest, true)]
    [InlineData("registry.example.com/deep/path/to/web", true)]
    public async Task BypassAttempts_AreJudgedOnTheNormalizedReference(string image, bool admitted)
    {
        var response = await _harness.RespondAsync(Pod(("c", image)));

        Assert.Equal(admitted, response.GetProperty("allowed").GetBoolean());
    }

    [Fact]
    public async Task UpperCaseRepository_IsDenied_AsAnInvalidReference()
    {
        var message = Message(await _harness.RespondAsync(Pod(("c", "registry.example.com/Shop/web:1"))));

        Assert.Equal("[denied by require-harbor-repo] container \"c\" has an invalid image reference \"registry.example.com/Shop/web:1\": the repository 'Shop/web' must be lower-case", message);
    }

    [Fact]
    public async Task InitAndEphemeralContainers_AreNamedAsSuch_OneLineEach()
    {
        var spec = PodSpec([("web", "nginx:1.25")], init: [("setup", "busybox")], ephemeral: [("debug", "ghcr.io/x/debug:1")]);

        var message = Message(await _harness.RespondAsync(Review("Pod", AdmissionReviews.Object("Pod", spec))));

        Assert.Equal(
            "[denied by require-harbor-repo] container \"web\" has an invalid image repo \"docker.io/library/nginx:1.25\", allowed repos are [\"registry.example.com\"]\n" +
            "[denied by require-harbor-repo] initContainer \"setup\" has an invalid image repo \"docker.io/library/busybox:latest\", allowed repos are [\"registry.example.com\"]\n" +
            "[denied by require-harbor-repo] ephemeralContainer \"debug\" has an invalid image repo \"ghcr.io/x/debug:1\", allowed repos are [\"registry.example.com\"]",
            message);
    }

    [Fact]
    public async Task CronJobTemplate_IsChecked()
    {
        var cronJob = AdmissionReviews.Object("CronJob", PodSpec([("job", "registry.example.com/ok/job:1")], init: [("fetch", "curlimages/curl")]));

        var message = Message(await _harness.RespondAsync(Review("CronJob", cronJob)));

        Assert.Contains("initContainer \"fetch\" has an invalid image repo \"docker.io/curlimages/curl:latest\"", message);
    }

    [Fact]
    public async Task EphemeralContainerSubresourceUpdate_ChecksOnlyTheNewDebugContainer()
    {
        // The pod predates the webhook with a foreign image; kubectl debug adds an ephemeral container.
        var old = AdmissionReviews.Object("Pod", PodSpec([("legacy", "nginx")]));
        var updated = AdmissionReviews.Object("Pod", PodSpec([("legacy", "nginx")], ephemeral: [("debugger", "busybox:1.36")]));

        var message = Message(await _harness.RespondAsync(Review("Pod", updated, "UPDATE", old, subResource: "ephemeralcontainers")));

        Assert.Equal("[denied by require-harbor-repo] ephemeralContainer \"debugger\" has an invalid image repo \"docker.io/library/busybox:1.36\", allowed repos are [\"registry.example.com\"]", message);
    }

    [Fact]
    public async Task UpdateThatKeepsTheImages_IsAllowed_EvenWithForeignImages()
    {
        var old = AdmissionReviews.Object("Deployment", PodSpec([("web", "nginx")]));
        var scaled = AdmissionReviews.Object("Deployment", PodSpec([("web", "nginx")]));
        scaled["spec"]!["replicas"] = 5;

        var response = await _harness.RespondAsync(Review("Deployment", scaled, "UPDATE", old));

        Assert.True(response.GetProperty("allowed").GetBoolean());
    }

    [Fact]
    public async Task UpdateThatChangesAnImage_IsChecked()
    {
        var old = AdmissionReviews.Object("Deployment", PodSpec([("web", "registry.example.com/shop/web:1")]));
        var changed = AdmissionReviews.Object("Deployment", PodSpec([("web", "registry.example.com.evil.io/shop/web:2")]));

        Assert.False((await _harness.RespondAsync(Review("Deployment", changed, "UPDATE", old))).GetProperty("allowed").GetBoolean());
    }

    [Theory]
    [InlineData("DELETE")]
    [InlineData("CONNECT")]
    public async Task DeleteAndConnect_AreAllowed(string operation)
    {
        var review = Review("Pod", null, operation, AdmissionReviews.Object("Pod", PodSpec([("web", "nginx")])));

        Assert.True((await _harness.RespondAsync(review)).GetProperty("allowed").GetBoolean());
    }

    [Fact]
    public async Task OtherKinds_AreAllowed()
    {
        var configMap = new System.Text.Json.Nodes.JsonObject { ["kind"] = "ConfigMap", ["data"] = new System.Text.Json.Nodes.JsonObject { ["image"] = "nginx" } };

        Assert.True((await _harness.RespondAsync(Review("ConfigMap", configMap))).GetProperty("allowed").GetBoolean());
    }
}
