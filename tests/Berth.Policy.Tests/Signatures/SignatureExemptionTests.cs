using System.Security.Cryptography;
using System.Text;
using Berth.Core;
using Berth.Policy.Signatures;

namespace Berth.Policy.Tests.Signatures;

public sealed class SignatureExemptionTests : IAsyncLifetime
{
    private SignatureFixture _f = null!;
    private readonly ECDsa _key = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    public async Task InitializeAsync() => _f = await SignatureFixture.CreateAsync();

    public async Task DisposeAsync()
    {
        await _f.DisposeAsync();
        _key.Dispose();
    }

    private static ArtifactSubject Subject(Digest digest) => new(SignatureFixture.Repository, digest, MediaTypes.OciManifest);

    [Fact]
    public async Task EverySignatureKind_IsExempt_AndPullableUnderContentTrust()
    {
        await _f.Db.CreateProjectAsync("shop", new Dictionary<string, string> { ["enable_content_trust"] = "true", ["enable_content_trust_cosign"] = "true" });
        var (image, descriptor) = await _f.PushImageAsync("web");
        var sig = await _f.PushCosignSignatureAsync(image, _key);
        var bundle = await _f.PushCosignBundleAsync(descriptor, _key);
        var notation = await _f.PushNotationAsync(descriptor, "ES256", data => _key.SignData(data, HashAlgorithmName.SHA256));
        var legacyNotation = await _f.PushNotationAsync(descriptor, "ES384", data => _key.SignData(data, HashAlgorithmName.SHA384), legacyConfig: true);
        var policy = new DeploymentPolicy(_f.Db.Projects,
            [new CosignSignatureCheck(_f.Requirement()), new NotationSignatureCheck(_f.Requirement())], [new SignatureExemption(_f.Discovery)]);

        foreach (var signature in new[] { sig, bundle, notation, legacyNotation })
        {
            Assert.True(await new SignatureExemption(_f.Discovery).IsExemptAsync(Subject(signature.Digest), default));
            Assert.True((await policy.EvaluateAsync(Subject(signature.Digest), default)).IsAllowed);
        }
        var (unsigned, _) = await _f.PushImageAsync("unsigned", "v2");
        Assert.False((await policy.EvaluateAsync(unsigned, default)).IsAllowed);
    }

    [Fact]
    public async Task AnImage_OrAnImageSmugglingASignatureLayer_IsNotExempt()
    {
        var (image, _) = await _f.PushImageAsync("web");
        var config = await _f.PutBlobAsync("{}"u8.ToArray(), "application/vnd.oci.image.config.v1+json");
        var payload = await _f.PutBlobAsync(Encoding.UTF8.GetBytes("{\"critical\":{}}"), SignatureFormats.SimpleSigningLayer);
        var rootfs = await _f.PutBlobAsync(Encoding.UTF8.GetBytes("a real file system"), "application/vnd.oci.image.layer.v1.tar+gzip");
        var smuggler = await _f.PushManifestAsync(SignatureFixture.Manifest(config, [payload, rootfs]), "smuggler");
        var exemption = new SignatureExemption(_f.Discovery);

        Assert.False(await exemption.IsExemptAsync(image, default));
        Assert.False(await exemption.IsExemptAsync(Subject(smuggler.Digest), default));
        Assert.False(await exemption.IsExemptAsync(Subject(Digest.Compute("absent"u8)), default));
    }
}
