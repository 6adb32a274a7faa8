using Berth.Metadata.Scans;

namespace Berth.Jobs.Scanning;

/// <summary>
/// Watches the report row of a running scan and cancels the scan when the row is no longer this Running report: a
/// stop asked of another replica (or a CLI) changed it. The stop asked of this process cancels sooner, through
/// <see cref="RunningScans"/>.
/// </summary>
public static class ScanStopWatch
{
    public static async Task WatchAsync(IScanReportStore reports, ScanReportRecord claimed, CancellationTokenSource scan, TimeSpan interval,
        TimeProvider clock)
    {
        try
        {
            while (true)
            {
                await Task.Delay(interval, clock, scan.Token);
                ScanReportRecord? current;
                try
                {
                    current = await reports.FindAsync(claimed.Digest, scan.Token);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // A busy or briefly unreachable database only delays noticing a stop; the scan goes on.
                    continue;
                }
                if (current is null || current.ReportId != claimed.ReportId || current.Status != ScanStatus.Running)
                {
                    await scan.CancelAsync();
                    return;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The scan ended (or was stopped): the watch ends with it.
        }
    }
}
