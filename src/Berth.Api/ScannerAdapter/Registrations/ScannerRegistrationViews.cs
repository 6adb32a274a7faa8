using Berth.Metadata.Scanners;
using Berth.Scanning.Reports.Formats;

namespace Berth.Api.ScannerAdapter.Registrations;

/// <summary>
/// The registrations as the API shows them: Berth's built-in scanner first (the default when no registration is),
/// then the external ones; and the scanner a project effectively uses.
/// </summary>
public sealed class ScannerRegistrationViews(IScannerRegistrationStore registrations)
{
    private static readonly DateTimeOffset BuiltInSince = DateTimeOffset.UnixEpoch;

    public async Task<IReadOnlyList<ScannerRegistrationJson>> ListAsync(CancellationToken cancellationToken)
    {
        var all = await registrations.ListAsync(cancellationToken);
        return [BuiltIn(!all.Any(r => r.IsDefault)), .. all.Select(Of)];
    }

    /// <summary>The registration with that uuid (the built-in one included), or null.</summary>
    public async Task<ScannerRegistrationJson?> FindAsync(string uuid, CancellationToken cancellationToken)
    {
        if (uuid == ScannerRegistrationRecord.BuiltInUuid)
            return BuiltIn(!(await registrations.ListAsync(cancellationToken)).Any(r => r.IsDefault));
        return await registrations.FindAsync(uuid, cancellationToken) is { } found ? Of(found) : null;
    }

    /// <summary>The project's choice when it made one that still exists, else the system default.</summary>
    public async Task<ScannerRegistrationJson> ForProjectAsync(long projectId, CancellationToken cancellationToken)
    {
        if (await registrations.FindProjectChoiceAsync(projectId, cancellationToken) is { } uuid && await FindAsync(uuid, cancellationToken) is { } chosen)
            return chosen;
        var all = await registrations.ListAsync(cancellationToken);
        return all.FirstOrDefault(r => r.IsDefault) is { } fallback ? Of(fallback) : BuiltIn(true);
    }

    public static ScannerRegistrationJson Of(ScannerRegistrationRecord r) => new(
        r.Uuid, r.Name, r.Description, r.Url, r.Disabled, r.IsDefault, r.Auth, r.SkipCertVerify, r.UseInternalAddr, r.CreatedAt, r.UpdatedAt);

    private static ScannerRegistrationJson BuiltIn(bool isDefault) => new(
        ScannerRegistrationRecord.BuiltInUuid, HarborScanner.Berth.Name, "Berth's built-in scanner: advisories from its own database, no network at scan time",
        "", false, isDefault, "", false, false, BuiltInSince, BuiltInSince,
        HarborScanner.Berth.Name, HarborScanner.Berth.Vendor, HarborScanner.Berth.Version);
}
