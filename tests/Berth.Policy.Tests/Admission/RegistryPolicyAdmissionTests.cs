using System.Text;
using System.Text.Json.Nodes;
using Berth.Core;
using Berth.Core.Manifests;
using Berth.Metadata;
using static Berth.Policy.Tests.Admission.AdmissionHarness;
using static Berth.Policy.Tests.Admission.AdmissionReviews;

namespace Berth.Policy.Tests.Admission;

public sealed class RegistryPolicyAdmissionTests : IAsyncLifetime
{
    private AdmissionHarness _harness = null!;
    private Digest _digest;

    public async Task InitializeAsync()
    {
        _harness = await CreateAsync(null);
        await _harness.Database.CreateProjectAsync("shop");
        _digest = await PushAsync(_harness.Database.Metadata, "shop/web", "1.0");
    }

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task ImageInBerth_FailingThePolicy_IsDeniedWithThePolicyMessageAndDigest()
    {
        _harness.Check.Violation = new PolicyViolation(PolicyKinds.Unscanned, "current image without vulnerability scanning cannot be pulled due to configured policy");

        var message = Message(await _harness.RespondAsync(Pod(("web", $"{Registry}/shop/web:1.0"))));

        Assert.Equal($"[denied by berth-registry-policy] container \"web\" image \"{Registry}/shop/web:1.0\" ({_digest}): current image without vulnerability scanning cannot be pulled due to configured policy", message);
    }

    [Fact]
    public async Task ImageInBerth_PassingThePolicy_IsAdmitted_ByTagAndByDigest()
    {
        Assert.True((await _harness.RespondAsync(Pod(("web", $"{Registry}/shop/web:1.0")))).GetProperty("allowed").GetBoolean());
        Assert.True((await _harness.RespondAsync(Pod(("web", $"{Registry}/shop/web@{_digest}")))).GetProperty("allowed").GetBoolean());
    }

    [Theory]
    [InlineData("shop/web:2.0", "repository \"shop/web\" has no tag \"2.0\"")]
    [InlineData("shop/nothing:1.0", "repository \"shop/nothing\" has no tag \"1.0\"")]
    [InlineData("shop/web@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
        "repository \"shop/web\" has no artifact sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef")]
    public async Task ImageInBerthsNamespace_ThatDoesNotExist_IsDenied(string image, string reason)
    {
        var message = Message(await _harness.RespondAsync(Pod(("web", $"{Registry}/{image}"))));

        Assert.Equal($"[denied by berth-registry-policy] container \"web\" image \"{Registry}/{image}\" does not exist in Berth: {reason}", message);
    }

    [Fact]
    public async Task Verdicts_AreCachedPerDigest_UntilThePolicyRevisionMoves()
    {
        var review = Pod(("web", $"{Registry}/shop/web:1.0"), ("same", $"{Registry}/shop/web@{_digest}"));
        await _harness.RespondAsync(review);
        await _harness.RespondAsync(review);
        Assert.Equal(1, _harness.Check.Calls);

        _harness.Check.Violation = new PolicyViolation(PolicyKinds.CosignSignature, "The image is not signed by cosign.");
        _harness.Revision.Advance();
        var message = Message(await _harness.RespondAsync(review));

        Assert.Equal(2, _harness.Check.Calls);
        Assert.Equal(2, message.Split('\n').Length);
        Assert.All(message.Split('\n'), line => Assert.EndsWith($"({_digest}): The image is not signed by cosign.", line));
    }

    [Fact]
    public async Task Verdicts_AreNotUsedPastTheirValidUntil()
    {
        _harness.Check.ValidUntil = DateTimeOffset.UtcNow.AddDays(-1);
        await _harness.RespondAsync(Pod(("web", $"{Registry}/shop/web:1.0")));
        await _harness.RespondAsync(Pod(("web", $"{Registry}/shop/web:1.0")));

        Assert.Equal(2, _harness.Check.Calls);
    }

    [Fact]
    public async Task AFailingCheck_IsADenial_NeverAnAllow()
    {
        _harness.Check.Throw = new InvalidOperationException("database is locked");

        var outcome = await _harness.ValidateAsync(Pod(("web", $"{Registry}/shop/web:1.0")));
        var message = Message(AdmissionReviews.Response(outcome.Review!));

        Assert.Equal("[denied by berth-registry-policy] Berth could not decide (InvalidOperationException: database is locked); denied to fail closed", message);
        Assert.IsType<InvalidOperationException>(outcome.Failure);
    }

    [Fact]
    public async Task AHangingCheck_IsDeniedAtTheDeadline_DerivedFromTheRequestTimeout()
    {
        _harness.Check.Hang = true;

        var message = Message(await _harness.RespondAsync(Pod(("web", $"{Registry}/shop/web:1.0")), timeout: "1s"));

        Assert.Equal("[denied by berth-registry-policy] Berth could not decide within 0.8s (80% of the request's 1s timeout); denied to fail closed", message);
    }

    /// <summary>Stores a one-layer OCI image manifest, as a push leaves it, and returns its digest.</summary>
    internal static async Task<Digest> PushAsync(IRegistryMetadata metadata, string repository, string tag)
    {
        var config = Encoding.UTF8.GetBytes("{\"architecture\":\"amd64\",\"os\":\"linux\",\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[]}}");
        var layer = Encoding.UTF8.GetBytes("not really a tarball, but the metadata only records descriptors");
        var configDigest = Digest.Compute(config);
        var layerDigest = Digest.Compute(layer);
        await metadata.LinkBlobAsync(repository, configDigest, config.Length, default);
        await metadata.LinkBlobAsync(repository, layerDigest, layer.Length, default);
        var json = new JsonObject
        {
            ["schemaVersion"] = 2,
            ["mediaType"] = MediaTypes.OciManifest,
            ["config"] = new JsonObject { ["mediaType"] = "application/vnd.oci.image.config.v1+json", ["digest"] = configDigest.ToString(), ["size"] = config.Length },
            ["layers"] = new JsonArray(new JsonObject { ["mediaType"] = "application/vnd.oci.image.layer.v1.tar+gzip", ["digest"] = layerDigest.ToString(), ["size"] = layer.Length }),
        };
        var content = Encoding.UTF8.GetBytes(json.ToJsonString());
        var document = ManifestParser.Parse(content, null).Value;
        var digest = Digest.Compute(content);
        var stored = await metadata.PutManifestAsync(new ManifestUpload(repository, digest, content, document, tag), default);
        Assert.True(stored.Succeeded);
        return digest;
    }
}
