using System.Text.Json;
using Berth.Core;
using Berth.Metadata;
using Berth.Metadata.Admission;

namespace Berth.Policy.Admission;

/// <summary>
/// Remembers, from the reviews the validating webhook admitted, which workloads run which images. A review only
/// notes the workload in memory (the latest sighting of each wins, a DELETE forgets it); <see cref="FlushAsync"/>
/// resolves Berth images to digests and writes the batch to the store in one transaction, off the request path, so
/// remembering adds no database write to an admission decision.
/// </summary>
public sealed class AdmissionAudit(
    IAdmissionAuditStore store, IRegistryMetadata registry, AdmissionSettings settings, AdmissionAuditSettings audit, TimeProvider time)
{
    private readonly Lock _lock = new();
    private readonly SemaphoreSlim _flushing = new(1, 1);
    private readonly BerthImages _images = new(registry, settings);
    private Dictionary<WorkloadKey, WorkloadSighting?> _pending = [];
    private DateTimeOffset _lastApplied = DateTimeOffset.MinValue;

    /// <summary>
    /// How often a flush with nothing noted still writes, to expire old workloads. The writer flushes every second;
    /// a write transaction that often on an idle server would be work (and a WAL append) for nothing.
    /// </summary>
    public static TimeSpan IdleExpiryInterval { get; } = TimeSpan.FromMinutes(1);

    public bool Enabled => audit.Capacity > 0;

    /// <summary>Notes what an answered review showed; nothing for reviews that refused or changed nothing to remember.</summary>
    public void Observe(AdmissionOutcome outcome)
    {
        if (!Enabled) return;
        if (outcome.Gone is { } gone)
        {
            lock (_lock) _pending[gone] = null;
        }
        else if (outcome.Seen is { } seen)
        {
            var target = seen.Target;
            var images = seen.Containers.Select(c => new WorkloadImage(c.Label, c.Index, c.Name, c.Image, null)).ToList();
            var sighting = new WorkloadSighting(new WorkloadKey(target.Namespace, target.Kind, target.Name), target.Group,
                JsonSerializer.Serialize(target.ObjectLabels), JsonSerializer.Serialize(target.PodLabels), images, time.GetUtcNow());
            lock (_lock) _pending[sighting.Key] = sighting;
        }
    }

    /// <summary>Writes what was noted since the last flush, and forgets what is past retention or capacity.</summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        if (!Enabled) return;
        await _flushing.WaitAsync(cancellationToken);
        try
        {
            Dictionary<WorkloadKey, WorkloadSighting?> batch;
            lock (_lock)
            {
                batch = _pending;
                _pending = [];
            }
            var now = time.GetUtcNow();
            if (batch.Count == 0 && now - _lastApplied < IdleExpiryInterval) return;
            var sightings = new List<WorkloadSighting>();
            foreach (var sighting in batch.Values.OfType<WorkloadSighting>()) sightings.Add(await ResolveAsync(sighting, cancellationToken));
            var forgotten = batch.Where(p => p.Value is null).Select(p => p.Key).ToList();
            await store.ApplyAsync(sightings, forgotten, now - audit.Retention, audit.Capacity, cancellationToken);
            _lastApplied = now;
        }
        finally
        {
            _flushing.Release();
        }
    }

    /// <summary>The digest each Berth image runs at: its own when written with one, else where its tag points now.</summary>
    private async Task<WorkloadSighting> ResolveAsync(WorkloadSighting sighting, CancellationToken cancellationToken)
    {
        var images = new List<WorkloadImage>();
        foreach (var image in sighting.Images)
        {
            string? digest = null;
            if (_images.TryRead(image.Image, out var reference))
                digest = reference.Digest ?? (await _images.FindAsync(reference, cancellationToken))?.Digest.ToString();
            images.Add(image with { Digest = digest });
        }
        return sighting with { Images = images };
    }
}
