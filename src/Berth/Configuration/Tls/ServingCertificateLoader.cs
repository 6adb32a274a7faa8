using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Berth.Configuration.Tls;

/// <summary>
/// Reads and checks the TLS certificate and key. Every failure is a message naming the configuration key
/// and the file; a certificate outside its validity period is served anyway, with a warning, because
/// refusing to start would not bring a renewed certificate any sooner.
/// </summary>
internal static class ServingCertificateLoader
{
    private const string ServerAuthentication = "1.3.6.1.5.5.7.3.1";

    /// <summary>The two files' text, read together so a rotation check and a load see the same bytes.</summary>
    public static async Task<(string? Certificate, string? Key, string? Error)> ReadAsync(TlsSettings settings, CancellationToken cancellationToken)
    {
        var certificate = await ReadAsync(TlsSettings.CertificateKey, settings.CertificatePath, cancellationToken);
        if (certificate.Error is not null) return (null, null, certificate.Error);
        var key = await ReadAsync(TlsSettings.KeyKey, settings.KeyPath, cancellationToken);
        if (key.Error is not null) return (null, null, key.Error);
        return (certificate.Text, key.Text, null);
    }

    public static (ServingCertificate? Certificate, string? Error) Create(TlsSettings settings, string certificateText, string keyText, DateTimeOffset now)
    {
        var certificates = new X509Certificate2Collection();
        try
        {
            certificates.ImportFromPem(certificateText);
        }
        catch (CryptographicException e)
        {
            return (null, $"{TlsSettings.CertificateKey}: '{settings.CertificatePath}' is not a readable PEM certificate: {e.Message}");
        }
        if (certificates.Count == 0)
            return (null, $"{TlsSettings.CertificateKey}: '{settings.CertificatePath}' holds no PEM certificate (-----BEGIN CERTIFICATE-----)");
        if (keyText.Contains("-----BEGIN ENCRYPTED PRIVATE KEY-----", StringComparison.Ordinal))
            return (null, $"{TlsSettings.KeyKey}: '{settings.KeyPath}' is an encrypted private key; Berth needs it unencrypted (protect the file instead)");

        // The first certificate is the server's own, as in every PEM bundle a CA or cert-manager writes.
        var leaf = certificates[0];
        var (withKey, keyError) = AttachKey(settings, leaf, keyText);
        if (withKey is null) return (null, keyError);
        if (!AllowsServerAuthentication(leaf))
            return (null, $"{TlsSettings.CertificateKey}: the certificate in '{settings.CertificatePath}' ({leaf.Subject}) is not for TLS servers: its extended key usage lacks serverAuth");

        var warnings = new List<string>();
        if (leaf.NotAfter.ToUniversalTime() < now.UtcDateTime)
            warnings.Add($"{TlsSettings.CertificateKey}: the certificate in '{settings.CertificatePath}' ({leaf.Subject}) expired on {leaf.NotAfter.ToUniversalTime():yyyy-MM-dd HH:mm} UTC; clients will refuse it");
        else if (leaf.NotBefore.ToUniversalTime() > now.UtcDateTime)
            warnings.Add($"{TlsSettings.CertificateKey}: the certificate in '{settings.CertificatePath}' ({leaf.Subject}) is not valid before {leaf.NotBefore.ToUniversalTime():yyyy-MM-dd HH:mm} UTC; clients will refuse it until then");

        var chain = new X509Certificate2Collection();
        for (var i = 1; i < certificates.Count; i++) chain.Add(certificates[i]);
        // offline: the chain comes from the file, never fetched from the network (AIA) during a handshake.
        var context = SslStreamCertificateContext.Create(withKey, chain, offline: true);
        return (new ServingCertificate(context, withKey, warnings), null);
    }

    private static (X509Certificate2? Certificate, string? Error) AttachKey(TlsSettings settings, X509Certificate2 leaf, string keyText)
    {
        if (leaf.GetECDsaPublicKey() is { } ecPublic) return AttachKey(settings, leaf, keyText, ecPublic, ECDsa.Create(), "an EC", leaf.CopyWithPrivateKey);
        if (leaf.GetRSAPublicKey() is { } rsaPublic) return AttachKey(settings, leaf, keyText, rsaPublic, RSA.Create(), "an RSA", leaf.CopyWithPrivateKey);
        return (null, $"{TlsSettings.CertificateKey}: the certificate in '{settings.CertificatePath}' has a {leaf.PublicKey.Oid.FriendlyName ?? leaf.PublicKey.Oid.Value} key; Berth serves RSA and ECDSA certificates");
    }

    /// <summary>Imports the private key as the certificate's kind, checks it is the certificate's pair and joins them.</summary>
    private static (X509Certificate2? Certificate, string? Error) AttachKey<TKey>(
        TlsSettings settings, X509Certificate2 leaf, string keyText, TKey certificateKey, TKey key, string kind, Func<TKey, X509Certificate2> withKey)
        where TKey : AsymmetricAlgorithm
    {
        using (certificateKey)
        using (key)
        {
            if (!TryImport(key, keyText)) return (null, NoKey(settings, kind));
            if (!SamePublicKey(certificateKey, key))
                return (null, $"{TlsSettings.KeyKey}: the private key in '{settings.KeyPath}' does not match the certificate in '{settings.CertificatePath}' ({leaf.Subject})");
            return (withKey(key), null);
        }
    }

    /// <summary>
    /// A key of the other algorithm than the certificate's lands here too: it cannot be imported as the
    /// certificate's kind, and saying which kind was expected explains it.
    /// </summary>
    private static string NoKey(TlsSettings settings, string kind) =>
        $"{TlsSettings.KeyKey}: '{settings.KeyPath}' holds no unencrypted PEM private key of the certificate's kind ({kind} key, PKCS#8 or traditional); if it holds another key, it does not match the certificate in '{settings.CertificatePath}'";

    private static bool TryImport(AsymmetricAlgorithm key, string pem)
    {
        try
        {
            key.ImportFromPem(pem);
            return true;
        }
        catch (Exception e) when (e is ArgumentException or CryptographicException)
        {
            return false;
        }
    }

    private static bool SamePublicKey(AsymmetricAlgorithm certificateKey, AsymmetricAlgorithm privateKey) =>
        certificateKey.ExportSubjectPublicKeyInfo().AsSpan().SequenceEqual(privateKey.ExportSubjectPublicKeyInfo());

    /// <summary>No extended key usage at all means any usage (RFC 5280 §4.2.1.12).</summary>
    private static bool AllowsServerAuthentication(X509Certificate2 certificate)
    {
        var usage = certificate.Extensions.OfType<X509EnhancedKeyUsageExtension>().FirstOrDefault();
        return usage is null || usage.EnhancedKeyUsages.Cast<Oid>().Any(oid => oid.Value == ServerAuthentication);
    }

    private static async Task<(string? Text, string? Error)> ReadAsync(string key, string path, CancellationToken cancellationToken)
    {
        if (!File.Exists(path)) return (null, $"{key}: file '{path}' does not exist");
        try
        {
            return (await File.ReadAllTextAsync(path, cancellationToken), null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (null, $"{key}: cannot read '{path}': {e.Message}");
        }
    }
}
