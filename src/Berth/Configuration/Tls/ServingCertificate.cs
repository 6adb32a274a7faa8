using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace Berth.Configuration.Tls;

/// <summary>
/// A certificate and key read from the PEM files and checked to belong together, ready for TLS handshakes:
/// the context carries the chain (any further certificates in the certificate file) so clients get it whole.
/// </summary>
internal sealed record ServingCertificate(SslStreamCertificateContext Context, X509Certificate2 Leaf, IReadOnlyList<string> Warnings)
{
    /// <summary>For logs: what is being served, without anything secret.</summary>
    public string Description => $"{Leaf.Subject} (SHA-256 {Leaf.GetCertHashString(System.Security.Cryptography.HashAlgorithmName.SHA256)[..16]}…, valid until {Leaf.NotAfter.ToUniversalTime():yyyy-MM-dd HH:mm} UTC)";
}
