namespace Berth.Metadata.Admission;

/// <summary>
/// What the admission webhook has seen running: one row per workload, with its containers. Written in batches
/// by the audit recorder, read by the audit view.
/// </summary>
public interface IAdmissionAuditStore
{
    /// <summary>
    /// In one transaction: each sighting replaces what was remembered of its workload; each key in
    /// <paramref name="forgotten"/> is removed; then workloads last seen before <paramref name="expireBefore"/> are
    /// removed, and the oldest beyond <paramref name="capacity"/>.
    /// </summary>
    Task ApplyAsync(
        IReadOnlyList<WorkloadSighting> sightings, IReadOnlyList<WorkloadKey> forgotten, DateTimeOffset expireBefore, int capacity,
        CancellationToken cancellationToken);

    /// <summary>Every remembered workload with its containers, by namespace, kind and name.</summary>
    Task<IReadOnlyList<WorkloadSighting>> ListAsync(CancellationToken cancellationToken);
}
