namespace Berth.Metadata.Signatures;

/// <summary>
/// A public key (or certificate) a project trusts for content trust. <see cref="Usage"/> says which signatures it
/// verifies (<c>cosign</c> or <c>notation</c>); <see cref="Fingerprint"/> is the SHA-256 of its SubjectPublicKeyInfo.
/// </summary>
public sealed record SignatureKeyRecord(
    long Id,
    long ProjectId,
    string Name,
    string Usage,
    string Algorithm,
    string Pem,
    string Fingerprint,
    string CreatedBy,
    DateTimeOffset CreatedAt);
