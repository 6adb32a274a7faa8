using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Berth.Metadata.Access;
using Berth.Metadata.Signatures;
using Berth.Policy.Signatures;

namespace Berth.Policy.Tests.Signatures;

/// <summary>The notation check through <see cref="IArtifactPolicy"/>: JWS referrers, with and without trusted certificates.</summary>
public sealed class NotationSignatureTests : IAsyncLifetime
{
    private SignatureFixture _f = null!;
    private readonly ECDsa _signer = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private readonly ECDsa _stranger = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private X509Certificate2 _certificate = null!;

    public async Task InitializeAsync()
    {
        _f = await SignatureFixture.CreateAsync();
        var request = new CertificateRequest("CN=berth-tests,O=Notary", _signer, HashAlgorithmName.SHA256);
        _certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
    }

    public async Task DisposeAsync()
    {
        await _f.DisposeAsync();
        _certificate.Dispose();
        _signer.Dispose();
        _stranger.Dispose();
    }

    private async Task<ProjectRecord> ProjectAsync() =>
        await _f.Db.CreateProjectAsync("shop", new Dictionary<string, string> { ["enable_content_trust"] = "true" });

    private IArtifactPolicy Policy(TimeProvider? time = null) => new DeploymentPolicy(_f.Db.Projects,
        [new CosignSignatureCheck(_f.Requirement(time)), new NotationSignatureCheck(_f.Requirement(time))], [new SignatureExemption(_f.Discovery)]);

    private async Task TrustAsync(ProjectRecord project, string pem, string name = "release")
    {
        Assert.True(TrustedKey.TryParse(pem, out var parsed, out var error), error);
        Assert.NotNull(await _f.Keys.AddAsync(project.Id, new NewSignatureKey(name, "notation", parsed.Algorithm, pem, parsed.Fingerprint, "admin"), default));
    }

    private static Func<byte[], byte[]> Es256(ECDsa key) => data => key.SignData(data, HashAlgorithmName.SHA256);

    [Fact]
    public async Task Unsigned_IsRefusedWithHarborsMessage()
    {
        await ProjectAsync();
        var (image, _) = await _f.PushImageAsync("web");

        var violation = Assert.Single((await Policy().EvaluateAsync(image, default)).Violations);
        Assert.Equal(PolicyKinds.NotationSignature, violation.Policy);
        Assert.Equal("The image is not signed by notation.", violation.Message);
    }

    [Fact]
    public async Task Signed_WithoutKeys_IsEnough_AlsoWhenTheTypeIsOnlyInTheConfig()
    {
        await ProjectAsync();
        var (image, descriptor) = await _f.PushImageAsync("web");
        await _f.PushNotationAsync(descriptor, "ES256", Es256(_stranger), legacyConfig: true);

        Assert.True((await Policy().EvaluateAsync(image, default)).IsAllowed);
    }

    [Fact]
    public async Task Es256_ByTrustedCertificate_IsAllowed()
    {
        var project = await ProjectAsync();
        await TrustAsync(project, _certificate.ExportCertificatePem());
        var (image, descriptor) = await _f.PushImageAsync("web");
        await _f.PushNotationAsync(descriptor, "ES256", Es256(_signer), certificate: _certificate.RawData);

        Assert.True((await Policy().EvaluateAsync(image, default)).IsAllowed);
    }

    [Fact]
    public async Task Ps256_ByTrustedRsaKey_IsAllowed()
    {
        using var rsa = RSA.Create(3072);
        var project = await ProjectAsync();
        await TrustAsync(project, rsa.ExportSubjectPublicKeyInfoPem());
        var (image, descriptor) = await _f.PushImageAsync("web");
        await _f.PushNotationAsync(descriptor, "PS256", data => rsa.SignData(data, HashAlgorithmName.SHA256, RSASignaturePadding.Pss));

        Assert.True((await Policy().EvaluateAsync(image, default)).IsAllowed);
    }

    [Fact]
    public async Task ByAnotherKey_IsRefused()
    {
        var project = await ProjectAsync();
        await TrustAsync(project, _certificate.ExportCertificatePem());
        var (image, descriptor) = await _f.PushImageAsync("web");
        await _f.PushNotationAsync(descriptor, "ES256", Es256(_stranger));

        var violation = Assert.Single((await Policy().EvaluateAsync(image, default)).Violations);
        Assert.Equal("The image is not signed by notation with a key project shop trusts: the signature does not verify against the project's 1 notation key.",
            violation.Message);
    }

    [Fact]
    public async Task TargetingAnotherDigest_IsRefused()
    {
        var project = await ProjectAsync();
        await TrustAsync(project, _certificate.ExportCertificatePem());
        var (image, descriptor) = await _f.PushImageAsync("web");
        var (other, _) = await _f.PushImageAsync("other", "v2");
        await _f.PushNotationAsync(descriptor, "ES256", Es256(_signer), targetDigest: other.Digest.ToString());

        Assert.Contains($"is for {other.Digest}, not {image.Digest}", Assert.Single((await Policy().EvaluateAsync(image, default)).Violations).Message);
    }

    [Fact]
    public async Task Corrupted_IsRefused()
    {
        var project = await ProjectAsync();
        await TrustAsync(project, _certificate.ExportCertificatePem());
        var (image, descriptor) = await _f.PushImageAsync("web");
        await _f.PushNotationAsync(descriptor, "ES256", Es256(_signer), corrupt: true);

        Assert.False((await Policy().EvaluateAsync(image, default)).IsAllowed);
    }

    [Fact]
    public async Task Expired_IsRefused_AndBeforeExpiryAllowed()
    {
        var project = await ProjectAsync();
        await TrustAsync(project, _certificate.ExportCertificatePem());
        var (image, descriptor) = await _f.PushImageAsync("web");
        var expiry = new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero);
        await _f.PushNotationAsync(descriptor, "ES256", Es256(_signer), expiry: expiry);

        Assert.True((await Policy(new FixedTime(expiry.AddDays(-1))).EvaluateAsync(image, default)).IsAllowed);
        Assert.Contains("expired", Assert.Single((await Policy(new FixedTime(expiry.AddSeconds(1))).EvaluateAsync(image, default)).Violations).Message);
    }

    [Fact]
    public async Task CosignAndNotationBothRequired_ReportCosignFirst()
    {
        await _f.Db.CreateProjectAsync("shop", new Dictionary<string, string> { ["enable_content_trust"] = "1", ["enable_content_trust_cosign"] = "1" });
        var (image, _) = await _f.PushImageAsync("web");

        var verdict = await Policy().EvaluateAsync(image, default);

        Assert.Equal(["The image is not signed by cosign.", "The image is not signed by notation."], verdict.Violations.Select(v => v.Message));
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
