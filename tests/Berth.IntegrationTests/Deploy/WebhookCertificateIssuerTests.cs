using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Berth.Commands.Admin;

namespace Berth.IntegrationTests.Deploy;

/// <summary>The CA and serving certificate <c>berth admin webhook-cert</c> makes, checked in-process.</summary>
public sealed class WebhookCertificateIssuerTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly WebhookService Service = new("berth", "berth-system");

    private static (IssuedWebhookCertificate Issued, X509Certificate2 Ca, X509Certificate2 Leaf) Issue(int days = 30)
    {
        var issued = WebhookCertificateIssuer.Issue(Service, days, Now);
        return (issued, X509Certificate2.CreateFromPem(issued.CaPem), X509Certificate2.CreateFromPem(issued.CertificatePem));
    }

    [Fact]
    public void The_serving_certificate_names_the_service_in_every_form_the_cluster_uses()
    {
        var (_, _, leaf) = Issue();
        var names = leaf.Extensions.OfType<X509SubjectAlternativeNameExtension>().Single().EnumerateDnsNames().ToList();
        Assert.Equal(["berth", "berth.berth-system", "berth.berth-system.svc", "berth.berth-system.svc.cluster.local"], names);
        Assert.True(leaf.MatchesHostname("berth.berth-system.svc"));
        Assert.False(leaf.MatchesHostname("berth.other.svc"));
    }

    [Fact]
    public void The_ca_signs_the_serving_certificate_and_is_its_only_trust_anchor()
    {
        var (_, ca, leaf) = Issue();
        using var chain = CaTrust.Chain(ca, Now.UtcDateTime.AddHours(1));
        Assert.True(chain.Build(leaf), string.Join(", ", chain.ChainStatus.Select(s => s.StatusInformation)));
        Assert.Equal([leaf.Thumbprint, ca.Thumbprint], chain.ChainElements.Select(e => e.Certificate.Thumbprint));
        Assert.Equal(ca.Subject, leaf.Issuer);

        // Another run's CA must not vouch for this certificate.
        var (_, otherCa, _) = Issue();
        Assert.False(CaTrust.Builds(leaf, otherCa, Now.UtcDateTime.AddHours(1), out var problems));
        Assert.NotEqual(X509ChainStatusFlags.NoError, problems);
    }

    [Fact]
    public void The_serving_certificate_is_for_tls_servers_only_and_the_ca_only_signs()
    {
        var (_, ca, leaf) = Issue();
        var usages = leaf.Extensions.OfType<X509EnhancedKeyUsageExtension>().Single().EnhancedKeyUsages.Cast<Oid>().Select(o => o.Value);
        Assert.Equal(["1.3.6.1.5.5.7.3.1"], usages);
        Assert.Equal(X509KeyUsageFlags.DigitalSignature, leaf.Extensions.OfType<X509KeyUsageExtension>().Single().KeyUsages);
        Assert.False(leaf.Extensions.OfType<X509BasicConstraintsExtension>().Single().CertificateAuthority);

        var caConstraints = ca.Extensions.OfType<X509BasicConstraintsExtension>().Single();
        Assert.True(caConstraints.CertificateAuthority);
        Assert.True(caConstraints.HasPathLengthConstraint);
        Assert.Equal(0, caConstraints.PathLengthConstraint);
        Assert.Equal(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, ca.Extensions.OfType<X509KeyUsageExtension>().Single().KeyUsages);
    }

    [Fact]
    public void Validity_runs_for_the_days_asked_and_the_chain_fails_after_it()
    {
        var (issued, ca, leaf) = Issue(days: 30);
        Assert.Equal(Now.AddDays(30).UtcDateTime, leaf.NotAfter.ToUniversalTime());
        Assert.Equal(Now.AddDays(30), issued.NotAfter);
        Assert.True(leaf.NotBefore.ToUniversalTime() <= Now.UtcDateTime);
        Assert.True(ca.NotBefore <= leaf.NotBefore && ca.NotAfter >= leaf.NotAfter);

        Assert.True(CaTrust.Builds(leaf, ca, Now.AddDays(29).UtcDateTime, out _));
        Assert.False(CaTrust.Builds(leaf, ca, Now.AddDays(31).UtcDateTime, out var problems));
        Assert.True(problems.HasFlag(X509ChainStatusFlags.NotTimeValid));
    }

    [Fact]
    public void The_key_belongs_to_the_serving_certificate_and_is_p256()
    {
        var (issued, _, _) = Issue();
        using var withKey = X509Certificate2.CreateFromPem(issued.CertificatePem, issued.KeyPem);
        Assert.True(withKey.HasPrivateKey);
        using var key = withKey.GetECDsaPrivateKey()!;
        Assert.Equal(256, key.KeySize);
        Assert.Contains("-----BEGIN PRIVATE KEY-----", issued.KeyPem);
        Assert.DoesNotContain("PRIVATE KEY", issued.CaPem + issued.CertificatePem);
    }

    [Fact]
    public void The_ca_bundle_is_the_pem_ca_in_base64_on_one_line()
    {
        var (issued, _, _) = Issue();
        Assert.DoesNotContain('\n', issued.CaBundle);
        Assert.Equal(issued.CaPem, Encoding.ASCII.GetString(Convert.FromBase64String(issued.CaBundle)));
        Assert.StartsWith("-----BEGIN CERTIFICATE-----", issued.CaPem);
    }

    [Fact]
    public void Every_issue_makes_a_new_ca_and_serial()
    {
        var (_, firstCa, firstLeaf) = Issue();
        var (_, secondCa, secondLeaf) = Issue();
        Assert.NotEqual(firstCa.Thumbprint, secondCa.Thumbprint);
        Assert.NotEqual(firstLeaf.SerialNumber, secondLeaf.SerialNumber);
        // Big-endian as in the certificate: 16 octets, positive (leading byte below 0x80) and not padded.
        Assert.Equal(16, firstLeaf.SerialNumberBytes.Length);
        Assert.InRange(firstLeaf.SerialNumberBytes.Span[0], 0x01, 0x7F);
    }

    [Theory]
    [InlineData("Berth", "ns", "--service")]
    [InlineData("1berth", "ns", "--service")]
    [InlineData("berth-", "ns", "--service")]
    [InlineData("berth.x", "ns", "--service")]
    [InlineData("berth", "NS", "--namespace")]
    [InlineData("berth", "-ns", "--namespace")]
    [InlineData("berth", "a_b", "--namespace")]
    public void Names_that_kubernetes_refuses_are_refused(string service, string @namespace, string blamed)
    {
        Assert.False(WebhookService.TryCreate(service, @namespace, out _, out var error));
        Assert.StartsWith(blamed, error);
    }

    [Fact]
    public void Names_are_limited_to_63_characters()
    {
        Assert.True(WebhookService.TryCreate(new string('a', 63), "1ns", out _, out _));
        Assert.False(WebhookService.TryCreate(new string('a', 64), "ns", out _, out var error));
        Assert.Contains("longer than 63", error);
    }
}
