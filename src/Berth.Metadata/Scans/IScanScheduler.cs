namespace Berth.Metadata.Scans;

/// <summary>
/// Asks for vulnerability scans; the job runner implements it. The API and the push hook use it without knowing
/// how scans run: an image queues its own report, an index queues each image it lists.
/// </summary>
public interface IScanScheduler
{
    Task<ScanScheduling> ScheduleAsync(string repository, string digest, CancellationToken cancellationToken);

    /// <summary>Queues every scannable image in the registry; returns how many were queued.</summary>
    Task<int> ScheduleAllAsync(CancellationToken cancellationToken);

    /// <summary>Stops the artifact's Pending or Running scan (for an index, its images' scans).</summary>
    Task<ScanStop> StopAsync(string repository, string digest, CancellationToken cancellationToken);

    /// <summary>Stops every Pending and Running scan; returns how many were stopped.</summary>
    Task<int> StopAllAsync(CancellationToken cancellationToken);
}
