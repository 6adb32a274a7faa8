namespace Berth.Metadata.Scanners;

/// <summary>External scanner registrations, the system default among them, and each project's choice.</summary>
public interface IScannerRegistrationStore
{
    Task<IReadOnlyList<ScannerRegistrationRecord>> ListAsync(CancellationToken cancellationToken);

    Task<ScannerRegistrationRecord?> FindAsync(string uuid, CancellationToken cancellationToken);

    /// <summary>Adds a registration (its name and URL must be new); never the default when added.</summary>
    Task<ScannerRegistrationWrite> AddAsync(ScannerRegistrationRecord registration, CancellationToken cancellationToken);

    /// <summary>Replaces the settings of the registration with that uuid (its default flag and creation time stay).</summary>
    Task<ScannerRegistrationWrite> UpdateAsync(ScannerRegistrationRecord registration, CancellationToken cancellationToken);

    /// <summary>Deletes it; projects that chose it go back to the system default. False when there was none.</summary>
    Task<bool> DeleteAsync(string uuid, CancellationToken cancellationToken);

    /// <summary>Makes that registration the system default, or Berth's built-in scanner when <paramref name="uuid"/> is null.</summary>
    Task<bool> SetDefaultAsync(string? uuid, CancellationToken cancellationToken);

    /// <summary>The uuid the project chose (possibly <see cref="ScannerRegistrationRecord.BuiltInUuid"/>), or null to follow the default.</summary>
    Task<string?> FindProjectChoiceAsync(long projectId, CancellationToken cancellationToken);

    Task SetProjectChoiceAsync(long projectId, string uuid, CancellationToken cancellationToken);
}
