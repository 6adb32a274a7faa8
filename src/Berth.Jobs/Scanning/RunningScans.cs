using System.Collections.Concurrent;

namespace Berth.Jobs.Scanning;

/// <summary>
/// The scans this process is running, by report id, each with the token that cancels it. A stop asked of this process
/// cancels its scan at once; a stop asked of another replica reaches it through the report row, which the worker
/// watches (<see cref="ScanStopWatch"/>).
/// </summary>
public sealed class RunningScans
{
    private readonly ConcurrentDictionary<string, CancellationTokenSource> _running = new(StringComparer.Ordinal);

    /// <summary>A token for the scan of <paramref name="reportId"/>, cancelled by shutdown or by <see cref="Cancel"/>; dispose it when the scan ends.</summary>
    public CancellationTokenSource Start(string reportId, CancellationToken stoppingToken)
    {
        var source = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        _running[reportId] = source;
        return source;
    }

    public void Finish(string reportId) => _running.TryRemove(reportId, out _);

    /// <summary>Cancels the scans of these report ids that run here; returns how many did.</summary>
    public int Cancel(IEnumerable<string> reportIds)
    {
        var cancelled = 0;
        foreach (var reportId in reportIds)
        {
            if (!_running.TryGetValue(reportId, out var source)) continue;
            try
            {
                source.Cancel();
                cancelled++;
            }
            catch (ObjectDisposedException)
            {
                // The scan ended between the lookup and the cancel: nothing left to stop.
            }
        }
        return cancelled;
    }
}
