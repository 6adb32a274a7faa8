using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Berth.Commands.Admin;
using Berth.Configuration.Tls;

namespace Berth.IntegrationTests.Deploy;

/// <summary>The checks <c>berth serve</c> makes on <c>Server:Tls:Certificate</c> and <c>Server:Tls:Key</c> before it listens.</summary>
public sealed class ServingCertificateLoaderTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly TlsSettings Settings = new(new IPEndPoint(IPAddress.Loopback, 8443), "/etc/berth/tls/tls.crt", "/etc/berth/tls/tls.key", TimeSpan.FromSeconds(30));

    private static IssuedWebhookCertificate Issue(int days = 30) => WebhookCertificateIssuer.Issue(new WebhookService("berth", "berth"), days, Now);

    [Fact]
    public void A_matching_pair_is_served_with_the_leaf_first()
    {
        var issued = Issue();
        // cert-manager and most CAs append the chain after the server's own certificate.
        var (certificate, error) = ServingCertificateLoader.Create(Settings, issued.CertificatePem + issued.CaPem, issued.KeyPem, Now);
        Assert.Null(error);
        Assert.NotNull(certificate);
        Assert.Empty(certificate.Warnings);
        Assert.Equal("CN=berth.berth.svc, O=Berth", certificate.Leaf.Subject);
        Assert.True(certificate.Leaf.HasPrivateKey);
        Assert.Equal(certificate.Leaf.Thumbprint, certificate.Context.TargetCertificate.Thumbprint);
    }

    [Fact]
    public void A_key_from_another_pair_is_refused_naming_the_key_setting_and_both_files()
    {
        var (first, second) = (Issue(), Issue());
        var (certificate, error) = ServingCertificateLoader.Create(Settings, first.CertificatePem, second.KeyPem, Now);
        Assert.Null(certificate);
        Assert.Equal("Server:Tls:Key: the private key in '/etc/berth/tls/tls.key' does not match the certificate in '/etc/berth/tls/tls.crt' (CN=berth.berth.svc, O=Berth)", error);
    }

    [Fact]
    public void A_key_of_the_other_algorithm_is_refused()
    {
        using var rsa = RSA.Create(2048);
        var (certificate, error) = ServingCertificateLoader.Create(Settings, Issue().CertificatePem, rsa.ExportPkcs8PrivateKeyPem(), Now);
        Assert.Null(certificate);
        Assert.StartsWith("Server:Tls:Key: '/etc/berth/tls/tls.key' holds no unencrypted PEM private key of the certificate's kind (an EC key", error);
    }

    [Fact]
    public void An_rsa_pair_is_served_too()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=berth.berth.svc", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var self = request.CreateSelfSigned(Now.AddDays(-1), Now.AddDays(1));
        var (certificate, error) = ServingCertificateLoader.Create(Settings, self.ExportCertificatePem(), key.ExportRSAPrivateKeyPem(), Now);
        Assert.Null(error);
        Assert.True(certificate!.Leaf.HasPrivateKey);
    }

    [Fact]
    public void An_encrypted_key_is_refused_with_what_to_do()
    {
        var issued = Issue();
        using var key = ECDsa.Create();
        key.ImportFromPem(issued.KeyPem);
        var encrypted = key.ExportEncryptedPkcs8PrivateKeyPem("secret", new PbeParameters(PbeEncryptionAlgorithm.Aes256Cbc, HashAlgorithmName.SHA256, 10_000));
        var (certificate, error) = ServingCertificateLoader.Create(Settings, issued.CertificatePem, encrypted, Now);
        Assert.Null(certificate);
        Assert.Equal("Server:Tls:Key: '/etc/berth/tls/tls.key' is an encrypted private key; Berth needs it unencrypted (protect the file instead)", error);
    }

    [Fact]
    public void A_certificate_file_without_a_certificate_is_refused()
    {
        var issued = Issue();
        var (certificate, error) = ServingCertificateLoader.Create(Settings, issued.KeyPem, issued.KeyPem, Now);
        Assert.Null(certificate);
        Assert.Equal("Server:Tls:Certificate: '/etc/berth/tls/tls.crt' holds no PEM certificate (-----BEGIN CERTIFICATE-----)", error);
    }

    [Fact]
    public void A_client_only_certificate_is_refused()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=client", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.2")], false));
        using var self = request.CreateSelfSigned(Now.AddDays(-1), Now.AddDays(1));
        var (certificate, error) = ServingCertificateLoader.Create(Settings, self.ExportCertificatePem(), key.ExportPkcs8PrivateKeyPem(), Now);
        Assert.Null(certificate);
        Assert.Equal("Server:Tls:Certificate: the certificate in '/etc/berth/tls/tls.crt' (CN=client) is not for TLS servers: its extended key usage lacks serverAuth", error);
    }

    [Fact]
    public void An_expired_certificate_is_served_with_a_warning()
    {
        var issued = Issue(days: 10);
        var (certificate, error) = ServingCertificateLoader.Create(Settings, issued.CertificatePem, issued.KeyPem, Now.AddDays(11));
        Assert.Null(error);
        var warning = Assert.Single(certificate!.Warnings);
        Assert.Equal($"Server:Tls:Certificate: the certificate in '/etc/berth/tls/tls.crt' (CN=berth.berth.svc, O=Berth) expired on {Now.AddDays(10):yyyy-MM-dd HH:mm} UTC; clients will refuse it", warning);
    }

    [Fact]
    public void A_certificate_not_yet_valid_is_served_with_a_warning()
    {
        var issued = Issue();
        var (certificate, _) = ServingCertificateLoader.Create(Settings, issued.CertificatePem, issued.KeyPem, Now.AddDays(-1));
        Assert.Contains("is not valid before", Assert.Single(certificate!.Warnings));
    }
}
