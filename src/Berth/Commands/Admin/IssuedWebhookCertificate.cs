using System.Text;

namespace Berth.Commands.Admin;

/// <summary>
/// What <c>berth admin webhook-cert</c> hands out: the CA certificate (the apiserver's trust anchor), the
/// serving certificate it signed, and that certificate's private key, all PEM. The CA's own key is not here:
/// it is thrown away once the serving certificate is signed, so nobody can mint another certificate the
/// apiserver would trust.
/// </summary>
internal sealed record IssuedWebhookCertificate(string CaPem, string CertificatePem, string KeyPem, DateTimeOffset NotAfter)
{
    /// <summary>The webhook configuration's <c>clientConfig.caBundle</c>: the PEM CA, base64 on one line.</summary>
    public string CaBundle => Convert.ToBase64String(Encoding.ASCII.GetBytes(CaPem));
}
