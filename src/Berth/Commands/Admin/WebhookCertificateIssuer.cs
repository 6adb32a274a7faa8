using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Berth.Commands.Admin;

/// <summary>
/// Makes a one-purpose CA and, signed by it, the serving certificate for the webhook's Service. Both keys
/// are ECDSA P-256: small, fast to verify, and accepted by every apiserver and Go TLS stack.
/// </summary>
internal static class WebhookCertificateIssuer
{
    public const int MaxDays = 3650;

    private const string ServerAuthentication = "1.3.6.1.5.5.7.3.1";

    /// <summary>Clocks in a cluster drift; a certificate valid from a few minutes ago is not refused by a node running behind.</summary>
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    public static IssuedWebhookCertificate Issue(WebhookService service, int days, DateTimeOffset now)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(days, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(days, MaxDays);
        var notBefore = now - ClockSkew;
        var notAfter = now.AddDays(days);

        using var caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var caRequest = new CertificateRequest($"CN=Berth webhook CA ({service.ServiceHost}), O=Berth", caKey, HashAlgorithmName.SHA256);
        // pathLength 0: this CA signs serving certificates only, never another CA.
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, true, 0, true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        caRequest.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(caRequest.PublicKey, false));
        using var ca = caRequest.CreateSelfSigned(notBefore, notAfter);

        using var leafKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var leafRequest = new CertificateRequest($"CN={service.ServiceHost}, O=Berth", leafKey, HashAlgorithmName.SHA256);
        leafRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        leafRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        leafRequest.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid(ServerAuthentication)], false));
        var names = new SubjectAlternativeNameBuilder();
        foreach (var name in service.DnsNames) names.AddDnsName(name);
        leafRequest.CertificateExtensions.Add(names.Build(critical: false));
        leafRequest.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(leafRequest.PublicKey, false));
        leafRequest.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(ca, includeKeyIdentifier: true, includeIssuerAndSerial: false));
        using var leaf = leafRequest.Create(ca, notBefore, notAfter, SerialNumber());

        return new IssuedWebhookCertificate(ca.ExportCertificatePem() + "\n", leaf.ExportCertificatePem() + "\n", leafKey.ExportPkcs8PrivateKeyPem() + "\n", notAfter);
    }

    /// <summary>RFC 5280: a positive serial of at most 20 octets, unpredictable so two issues never collide.</summary>
    private static byte[] SerialNumber()
    {
        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7F;
        serial[0] |= 0x01;
        return serial;
    }
}
