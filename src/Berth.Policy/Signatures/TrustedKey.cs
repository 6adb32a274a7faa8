using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Berth.Policy.Signatures;

/// <summary>
/// A public key a project trusts, from a PEM public key (SubjectPublicKeyInfo or PKCS#1 RSA) or an X.509 certificate
/// (notation's trust material; only its public key is used). ECDSA on P-256, P-384 and P-521 and RSA of 2048 bits or
/// more; .NET offers no Ed25519, so such keys are refused rather than kept unusable.
/// </summary>
public sealed class TrustedKey
{
    private const string EcOid = "1.2.840.10045.2.1";
    private const string RsaOid = "1.2.840.113549.1.1.1";
    private const string Ed25519Oid = "1.3.101.112";

    private readonly byte[] _subjectPublicKeyInfo;

    private TrustedKey(byte[] subjectPublicKeyInfo, string algorithm, bool isCertificate)
    {
        _subjectPublicKeyInfo = subjectPublicKeyInfo;
        Algorithm = algorithm;
        IsCertificate = isCertificate;
        Fingerprint = Convert.ToHexStringLower(SHA256.HashData(subjectPublicKeyInfo));
    }

    /// <summary><c>ecdsa-p256</c>, <c>ecdsa-p384</c>, <c>ecdsa-p521</c> or <c>rsa-&lt;bits&gt;</c>.</summary>
    public string Algorithm { get; }

    public bool IsCertificate { get; }

    /// <summary>Lowercase hex SHA-256 of the DER SubjectPublicKeyInfo: the same key from a certificate or a bare PEM matches.</summary>
    public string Fingerprint { get; }

    public bool IsEcdsa => Algorithm.StartsWith("ecdsa", StringComparison.Ordinal);

    /// <summary>The key in <paramref name="pem"/>, or why it cannot be used (the message names the problem).</summary>
    public static bool TryParse(string? pem, [NotNullWhen(true)] out TrustedKey? key, [NotNullWhen(false)] out string? error)
    {
        key = null;
        if (string.IsNullOrWhiteSpace(pem)) return Fail("the key is empty: give a PEM public key or certificate", out error);
        if (!PemEncoding.TryFind(pem, out var fields)) return Fail("the key is not PEM: expected a -----BEGIN PUBLIC KEY----- or -----BEGIN CERTIFICATE----- block", out error);
        var label = pem[fields.Label];
        byte[] der;
        try
        {
            der = Convert.FromBase64String(pem[fields.Base64Data]);
        }
        catch (FormatException)
        {
            return Fail($"the PEM block {label} holds no valid base64", out error);
        }
        if (label.Contains("PRIVATE KEY", StringComparison.Ordinal))
            return Fail($"the PEM block is a {label}: give the public key, never the private one", out error);
        try
        {
            switch (label)
            {
                case "PUBLIC KEY":
                    return FromSubjectPublicKeyInfo(der, isCertificate: false, out key, out error);
                case "RSA PUBLIC KEY":
                    using (var rsa = RSA.Create())
                    {
                        rsa.ImportRSAPublicKey(der, out _);
                        return FromSubjectPublicKeyInfo(rsa.ExportSubjectPublicKeyInfo(), isCertificate: false, out key, out error);
                    }
                case "CERTIFICATE":
                    using (var certificate = X509CertificateLoader.LoadCertificate(der))
                    {
                        return FromSubjectPublicKeyInfo(certificate.PublicKey.ExportSubjectPublicKeyInfo(), isCertificate: true, out key, out error);
                    }
                default:
                    return Fail($"a PEM block labelled {label} is not a public key: expected PUBLIC KEY, RSA PUBLIC KEY or CERTIFICATE", out error);
            }
        }
        catch (CryptographicException e)
        {
            return Fail($"the {label} cannot be read: {e.Message}", out error);
        }
    }

    private static bool FromSubjectPublicKeyInfo(byte[] spki, bool isCertificate, [NotNullWhen(true)] out TrustedKey? key, [NotNullWhen(false)] out string? error)
    {
        key = null;
        var oid = PublicKey.CreateFromSubjectPublicKeyInfo(spki, out _).Oid.Value;
        switch (oid)
        {
            case EcOid:
                using (var ecdsa = ECDsa.Create())
                {
                    ecdsa.ImportSubjectPublicKeyInfo(spki, out _);
                    if (ecdsa.KeySize is not (256 or 384 or 521))
                        return Fail($"ECDSA keys on a {ecdsa.KeySize}-bit curve are not supported: use P-256, P-384 or P-521", out error);
                    key = new TrustedKey(spki, $"ecdsa-p{ecdsa.KeySize}", isCertificate);
                    error = null;
                    return true;
                }
            case RsaOid:
                using (var rsa = RSA.Create())
                {
                    rsa.ImportSubjectPublicKeyInfo(spki, out _);
                    if (rsa.KeySize < 2048) return Fail($"RSA keys of {rsa.KeySize} bits are too weak: use 2048 bits or more", out error);
                    key = new TrustedKey(spki, $"rsa-{rsa.KeySize}", isCertificate);
                    error = null;
                    return true;
                }
            case Ed25519Oid:
                return Fail("Ed25519 keys are not supported (the runtime Berth is built on cannot verify them): use ECDSA P-256 or RSA", out error);
            default:
                return Fail($"keys of algorithm {oid} are not supported: use ECDSA (P-256, P-384, P-521) or RSA", out error);
        }
    }

    /// <summary>
    /// Verifies a cosign or DSSE signature over <paramref name="data"/>: ECDSA in ASN.1/DER with SHA-256 (cosign's
    /// default for every curve) or the curve's own hash (sigstore's P-384/P-521 schemes); RSA with PKCS#1 v1.5 or PSS
    /// and SHA-256. Accepting any of these is safe: each is a sound signature scheme over the same data.
    /// </summary>
    public bool VerifyDerSignature(ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature)
    {
        if (IsEcdsa)
        {
            using var ecdsa = ECDsa.Create();
            ecdsa.ImportSubjectPublicKeyInfo(_subjectPublicKeyInfo, out _);
            const DSASignatureFormat der = DSASignatureFormat.Rfc3279DerSequence;
            return ecdsa.VerifyData(data, signature, HashAlgorithmName.SHA256, der)
                || (CurveHash(ecdsa.KeySize) is { } own && own != HashAlgorithmName.SHA256 && ecdsa.VerifyData(data, signature, own, der));
        }
        using var rsa = RSA.Create();
        rsa.ImportSubjectPublicKeyInfo(_subjectPublicKeyInfo, out _);
        return rsa.VerifyData(data, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
            || rsa.VerifyData(data, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pss);
    }

    /// <summary>
    /// Verifies a JWS signature with algorithm <paramref name="alg"/>: notation uses ES256/ES384/ES512 (raw r||s) and
    /// PS256/PS384/PS512; anything else, or an algorithm that does not fit this key, does not verify.
    /// </summary>
    public bool VerifyJws(string alg, ReadOnlySpan<byte> signingInput, ReadOnlySpan<byte> signature)
    {
        var hash = alg[^3..] switch
        {
            "256" => HashAlgorithmName.SHA256,
            "384" => HashAlgorithmName.SHA384,
            "512" => HashAlgorithmName.SHA512,
            _ => (HashAlgorithmName?)null,
        };
        if (hash is null) return false;
        if (alg.StartsWith("ES", StringComparison.Ordinal) && IsEcdsa)
        {
            using var ecdsa = ECDsa.Create();
            ecdsa.ImportSubjectPublicKeyInfo(_subjectPublicKeyInfo, out _);
            // RFC 7518: ES256 is P-256 with SHA-256, ES384 P-384, ES512 P-521.
            if (CurveHash(ecdsa.KeySize) != hash) return false;
            return ecdsa.VerifyData(signingInput, signature, hash.Value, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        }
        if (alg.StartsWith("PS", StringComparison.Ordinal) && !IsEcdsa)
        {
            using var rsa = RSA.Create();
            rsa.ImportSubjectPublicKeyInfo(_subjectPublicKeyInfo, out _);
            return rsa.VerifyData(signingInput, signature, hash.Value, RSASignaturePadding.Pss);
        }
        return false;
    }

    private static HashAlgorithmName? CurveHash(int keySize) => keySize switch
    {
        256 => HashAlgorithmName.SHA256,
        384 => HashAlgorithmName.SHA384,
        521 => HashAlgorithmName.SHA512,
        _ => null,
    };

    private static bool Fail(string message, out string error)
    {
        error = message;
        return false;
    }
}
