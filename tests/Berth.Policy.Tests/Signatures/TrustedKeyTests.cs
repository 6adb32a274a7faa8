using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Berth.Policy.Signatures;

namespace Berth.Policy.Tests.Signatures;

public sealed class TrustedKeyTests
{
    [Theory]
    [InlineData(256, "ecdsa-p256")]
    [InlineData(384, "ecdsa-p384")]
    [InlineData(521, "ecdsa-p521")]
    public void EcdsaPublicKeys_Parse_WithTheirCurve(int bits, string algorithm)
    {
        using var key = ECDsa.Create(bits switch { 256 => ECCurve.NamedCurves.nistP256, 384 => ECCurve.NamedCurves.nistP384, _ => ECCurve.NamedCurves.nistP521 });

        Assert.True(TrustedKey.TryParse(key.ExportSubjectPublicKeyInfoPem(), out var parsed, out _));
        Assert.Equal(algorithm, parsed.Algorithm);
        Assert.False(parsed.IsCertificate);
    }

    [Fact]
    public void Certificate_AndItsBarePublicKey_HaveTheSameFingerprint()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var certificate = new CertificateRequest("CN=signer", key, HashAlgorithmName.SHA256)
            .CreateSelfSigned(DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddDays(1));

        Assert.True(TrustedKey.TryParse(certificate.ExportCertificatePem(), out var fromCertificate, out _));
        Assert.True(TrustedKey.TryParse(key.ExportSubjectPublicKeyInfoPem(), out var fromKey, out _));
        Assert.True(fromCertificate.IsCertificate);
        Assert.Equal(fromKey.Fingerprint, fromCertificate.Fingerprint);
    }

    [Fact]
    public void RsaPkcs1PublicKey_Parses()
    {
        using var rsa = RSA.Create(2048);

        Assert.True(TrustedKey.TryParse(rsa.ExportRSAPublicKeyPem(), out var parsed, out _));
        Assert.Equal("rsa-2048", parsed.Algorithm);
    }

    [Fact]
    public void PrivateKey_IsRefusedSayingSo()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);

        Assert.False(TrustedKey.TryParse(key.ExportPkcs8PrivateKeyPem(), out _, out var error));
        Assert.Equal("the PEM block is a PRIVATE KEY: give the public key, never the private one", error);
    }

    [Fact]
    public void WeakRsa_IsRefused()
    {
        using var rsa = RSA.Create(1024);

        Assert.False(TrustedKey.TryParse(rsa.ExportSubjectPublicKeyInfoPem(), out _, out var error));
        Assert.Equal("RSA keys of 1024 bits are too weak: use 2048 bits or more", error);
    }

    [Fact]
    public void Ed25519_IsRefusedSayingItIsUnsupported()
    {
        // SubjectPublicKeyInfo of an Ed25519 key (RFC 8410): algorithm 1.3.101.112, then 32 key bytes.
        var spki = Convert.FromHexString("302a300506032b6570032100" + new string('a', 64));
        var pem = PemEncoding.WriteString("PUBLIC KEY", spki);

        Assert.False(TrustedKey.TryParse(pem, out _, out var error));
        Assert.StartsWith("Ed25519 keys are not supported", error);
    }

    [Theory]
    [InlineData("", "the key is empty: give a PEM public key or certificate")]
    [InlineData("ssh-ed25519 AAAA", "the key is not PEM: expected a -----BEGIN PUBLIC KEY----- or -----BEGIN CERTIFICATE----- block")]
    [InlineData("-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----", "the PUBLIC KEY cannot be read")]
    public void NotAKey_IsRefusedNamingTheProblem(string pem, string expected)
    {
        Assert.False(TrustedKey.TryParse(pem, out _, out var error));
        Assert.StartsWith(expected, error);
    }

    [Fact]
    public void Es256Jws_DoesNotVerifyWithAP384Key()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP384);
        Assert.True(TrustedKey.TryParse(key.ExportSubjectPublicKeyInfoPem(), out var parsed, out _));
        var data = "input"u8.ToArray();

        Assert.False(parsed.VerifyJws("ES256", data, key.SignData(data, HashAlgorithmName.SHA256)));
        Assert.True(parsed.VerifyJws("ES384", data, key.SignData(data, HashAlgorithmName.SHA384)));
    }
}
