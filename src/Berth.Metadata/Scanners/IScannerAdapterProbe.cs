namespace Berth.Metadata.Scanners;

/// <summary>
/// Asks a scanner adapter for its metadata: what <c>/scanners/ping</c> and <c>/scanners/{id}/metadata</c> answer
/// with. Implemented by the adapter client of the background jobs.
/// </summary>
public interface IScannerAdapterProbe
{
    /// <summary>The adapter's metadata JSON, or null with <paramref name="Error"/> saying why it could not be read.</summary>
    Task<(string? MetadataJson, string? Error)> GetMetadataAsync(ScannerRegistrationRecord registration, CancellationToken cancellationToken);
}
