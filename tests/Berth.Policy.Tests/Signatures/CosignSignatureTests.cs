using System.Security.Cryptography;
using Berth.Metadata.Access;
using Berth.Metadata.Signatures;
using Berth.Policy.Signatures;

namespace Berth.Policy.Tests.Signatures;

/// <summary>The cosign check through <see cref="IArtifactPolicy"/>: legacy .sig manifests and v3 bundle referrers, with and without trusted keys.</summary>
public sealed class CosignSignatureTests : IAsyncLifetime
{
    private SignatureFixture _f = null!;
    private readonly ECDsa _signer = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private readonly ECDsa _stranger = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    public async Task InitializeAsync() => _f = await SignatureFixture.CreateAsync();

    public async Task DisposeAsync()
    {
        await _f.DisposeAsync();
        _signer.Dispose();
        _stranger.Dispose();
    }

    private async Task<ProjectRecord> ProjectAsync(bool enabled = true) =>
        await _f.Db.CreateProjectAsync("shop", new Dictionary<string, string> { ["enable_content_trust_cosign"] = enabled ? "true" : "false" });

    private IArtifactPolicy Policy() => new DeploymentPolicy(_f.Db.Projects,
        [new CosignSignatureCheck(_f.Requirement()), new NotationSignatureCheck(_f.Requirement())], [new SignatureExemption(_f.Discovery)]);

    private async Task TrustAsync(ProjectRecord project, ECDsa key, string name = "release") =>
        Assert.NotNull(await _f.Keys.AddAsync(project.Id, Key(name, key), default));

    private static NewSignatureKey Key(string name, ECDsa key)
    {
        var pem = key.ExportSubjectPublicKeyInfoPem();
        Assert.True(TrustedKey.TryParse(pem, out var parsed, out _));
        return new NewSignatureKey(name, "cosign", parsed.Algorithm, pem, parsed.Fingerprint, "admin");
    }

    [Fact]
    public async Task Unsigned_WithCosignEnabled_IsRefusedWithHarborsMessage()
    {
        await ProjectAsync();
        var (image, _) = await _f.PushImageAsync("web");

        var verdict = await Policy().EvaluateAsync(image, default);

        var violation = Assert.Single(verdict.Violations);
        Assert.Equal(PolicyKinds.CosignSignature, violation.Policy);
        Assert.Equal("The image is not signed by cosign.", violation.Message);
    }

    [Fact]
    public async Task Unsigned_WithCosignDisabled_IsAllowed()
    {
        await ProjectAsync(enabled: false);
        var (image, _) = await _f.PushImageAsync("web");

        Assert.True((await Policy().EvaluateAsync(image, default)).IsAllowed);
    }

    [Fact]
    public async Task LegacySignature_WithoutKeys_IsEnoughAsInHarbor()
    {
        await ProjectAsync();
        var (image, _) = await _f.PushImageAsync("web");
        await _f.PushCosignSignatureAsync(image, _stranger);

        Assert.True((await Policy().EvaluateAsync(image, default)).IsAllowed);
    }

    [Fact]
    public async Task LegacySignature_ByTrustedKey_IsAllowed_EvenWithTheSpecsCapitalizedPayloadKey()
    {
        var project = await ProjectAsync();
        await TrustAsync(project, _signer);
        var (image, _) = await _f.PushImageAsync("web");
        await _f.PushCosignSignatureAsync(image, _signer, digestKey: "Docker-manifest-digest");

        Assert.True((await Policy().EvaluateAsync(image, default)).IsAllowed);
    }

    [Fact]
    public async Task LegacySignature_ByAnotherKey_IsRefusedNamingWhy()
    {
        var project = await ProjectAsync();
        await TrustAsync(project, _signer);
        var (image, _) = await _f.PushImageAsync("web");
        await _f.PushCosignSignatureAsync(image, _stranger);

        var violation = Assert.Single((await Policy().EvaluateAsync(image, default)).Violations);
        Assert.Equal("The image is not signed by cosign with a key project shop trusts: the signature does not verify against the project's 1 cosign key.",
            violation.Message);
    }

    [Fact]
    public async Task LegacySignature_WhosePayloadNamesAnotherDigest_IsRefused()
    {
        var project = await ProjectAsync();
        await TrustAsync(project, _signer);
        var (image, _) = await _f.PushImageAsync("web");
        var (other, _) = await _f.PushImageAsync("other", "v2");
        // A valid signature of another image, copied under this image's .sig tag.
        await _f.PushCosignSignatureAsync(image, _signer, namedDigest: other.Digest.ToString());

        var violation = Assert.Single((await Policy().EvaluateAsync(image, default)).Violations);
        Assert.Contains($"the signed payload is for {other.Digest}, not {image.Digest}", violation.Message);
    }

    [Fact]
    public async Task LegacySignature_Corrupted_IsRefused()
    {
        var project = await ProjectAsync();
        await TrustAsync(project, _signer);
        var (image, _) = await _f.PushImageAsync("web");
        await _f.PushCosignSignatureAsync(image, _signer, corrupt: true);

        Assert.False((await Policy().EvaluateAsync(image, default)).IsAllowed);
    }

    [Fact]
    public async Task Bundle_WithoutKeys_IsEnough()
    {
        await ProjectAsync();
        var (image, descriptor) = await _f.PushImageAsync("web");
        await _f.PushCosignBundleAsync(descriptor, _stranger);

        Assert.True((await Policy().EvaluateAsync(image, default)).IsAllowed);
    }

    [Fact]
    public async Task Bundle_OfAnAttestationOnly_IsNotASignature()
    {
        await ProjectAsync();
        var (image, descriptor) = await _f.PushImageAsync("web");
        await _f.PushCosignBundleAsync(descriptor, _signer, predicateType: "https://spdx.dev/Document");

        Assert.Equal("The image is not signed by cosign.", Assert.Single((await Policy().EvaluateAsync(image, default)).Violations).Message);
    }

    [Fact]
    public async Task Bundle_ByTrustedKey_IsAllowed()
    {
        var project = await ProjectAsync();
        await TrustAsync(project, _signer);
        var (image, descriptor) = await _f.PushImageAsync("web");
        await _f.PushCosignBundleAsync(descriptor, _signer);

        Assert.True((await Policy().EvaluateAsync(image, default)).IsAllowed);
    }

    [Fact]
    public async Task Bundle_ByAnotherKey_IsRefused()
    {
        var project = await ProjectAsync();
        await TrustAsync(project, _signer);
        var (image, descriptor) = await _f.PushImageAsync("web");
        await _f.PushCosignBundleAsync(descriptor, _stranger);

        Assert.Contains("does not verify", Assert.Single((await Policy().EvaluateAsync(image, default)).Violations).Message);
    }

    [Fact]
    public async Task Bundle_WhoseStatementNamesAnotherDigest_IsRefused()
    {
        var project = await ProjectAsync();
        await TrustAsync(project, _signer);
        var (image, descriptor) = await _f.PushImageAsync("web");
        var (other, _) = await _f.PushImageAsync("other", "v2");
        await _f.PushCosignBundleAsync(descriptor, _signer, statementHex: other.Digest.Encoded);

        Assert.Contains($"does not name {image.Digest}", Assert.Single((await Policy().EvaluateAsync(image, default)).Violations).Message);
    }

    [Fact]
    public async Task Bundle_Corrupted_IsRefused()
    {
        var project = await ProjectAsync();
        await TrustAsync(project, _signer);
        var (image, descriptor) = await _f.PushImageAsync("web");
        await _f.PushCosignBundleAsync(descriptor, _signer, corrupt: true);

        Assert.False((await Policy().EvaluateAsync(image, default)).IsAllowed);
    }

    [Fact]
    public async Task OneGoodSignatureAmongBadOnes_IsAllowed()
    {
        var project = await ProjectAsync();
        await TrustAsync(project, _signer);
        var (image, descriptor) = await _f.PushImageAsync("web");
        await _f.PushCosignSignatureAsync(image, _stranger);
        await _f.PushCosignBundleAsync(descriptor, _signer);

        Assert.True((await Policy().EvaluateAsync(image, default)).IsAllowed);
    }

    [Fact]
    public async Task SignatureInAnotherRepository_DoesNotCount()
    {
        await ProjectAsync();
        var (image, _) = await _f.PushImageAsync("web");
        var (mirror, _) = await _f.PushImageAsync("web", "v1", "shop/mirror");
        await _f.PushCosignSignatureAsync(mirror with { Repository = SignatureFixture.Repository }, _signer);

        Assert.True((await Policy().EvaluateAsync(image, default)).IsAllowed);
        Assert.False((await Policy().EvaluateAsync(mirror, default)).IsAllowed);
    }
}
