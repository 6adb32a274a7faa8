namespace Berth.Metadata.Scanners;

/// <summary>
/// An external scanner adapter registered as in Harbor's <c>/scanners</c>. Berth's built-in scanner is not a row: it
/// is <see cref="BuiltInUuid"/>, the system default whenever no registration is.
/// </summary>
/// <param name="Auth">"" (none), "Basic", "Bearer" or "X-ScannerAdapter-API-Key": how <paramref name="AccessCredential"/> is sent.</param>
public sealed record ScannerRegistrationRecord(
    string Uuid,
    string Name,
    string Description,
    string Url,
    string Auth,
    string AccessCredential,
    bool SkipCertVerify,
    bool UseInternalAddr,
    bool Disabled,
    bool IsDefault,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    /// <summary>The uuid under which Berth's own scanner appears beside the registrations.</summary>
    public const string BuiltInUuid = "00000000-0000-0000-0000-000000000b47";
}
