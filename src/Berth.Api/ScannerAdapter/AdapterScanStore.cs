using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Berth.Api.ScannerAdapter;

/// <summary>
/// The adapter's scans, in memory, bounded in number and in time. The spec lets an adapter forget reports (Harbor
/// stores its own copy once it has fetched one, and asks again with a new request otherwise), so nothing here
/// needs the database, and a restart only turns pending polls into 404s, which Harbor treats as a failed scan.
/// </summary>
public sealed class AdapterScanStore(IOptions<ScannerAdapterOptions> options, TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, AdapterScan> _scans = new(StringComparer.Ordinal);
    private readonly Lock _admission = new();

    /// <summary>Adds a new scan; false when <see cref="ScannerAdapterOptions.MaxScans"/> live scans are held already.</summary>
    public bool TryAdd(AdapterScan scan)
    {
        lock (_admission)
        {
            if (_scans.Count >= options.Value.MaxScans) RemoveExpired();
            if (_scans.Count >= options.Value.MaxScans) return false;
            return _scans.TryAdd(scan.Id, scan);
        }
    }

    /// <summary>The scan with that id, or null when there is none or it has expired.</summary>
    public AdapterScan? Find(string id)
    {
        if (!_scans.TryGetValue(id, out var scan)) return null;
        if (scan.ExpiresAt > clock.GetUtcNow()) return scan;
        _scans.TryRemove(new KeyValuePair<string, AdapterScan>(id, scan));
        return null;
    }

    /// <summary>Records a scan's new state, unless it has been forgotten meanwhile.</summary>
    public void Update(AdapterScan scan)
    {
        if (_scans.TryGetValue(scan.Id, out var current)) _scans.TryUpdate(scan.Id, scan, current);
    }

    private void RemoveExpired()
    {
        var now = clock.GetUtcNow();
        foreach (var (id, scan) in _scans)
            if (scan.ExpiresAt <= now) _scans.TryRemove(new KeyValuePair<string, AdapterScan>(id, scan));
    }
}
