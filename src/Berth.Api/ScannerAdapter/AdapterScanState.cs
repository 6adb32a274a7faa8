namespace Berth.Api.ScannerAdapter;

/// <summary>Where an adapter scan is: waiting for a worker, pulling and scanning, done with a report, or failed.</summary>
public enum AdapterScanState
{
    Queued,
    Running,
    Finished,
    Failed,
}
