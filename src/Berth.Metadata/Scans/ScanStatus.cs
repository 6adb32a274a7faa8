namespace Berth.Metadata.Scans;

/// <summary>Harbor's <c>scan_status</c> strings, as the overview shows them and as the rows store them.</summary>
public static class ScanStatus
{
    /// <summary>Requested and waiting for a worker: these rows are the queue.</summary>
    public const string Pending = "Pending";
    public const string Running = "Running";
    public const string Success = "Success";
    public const string Error = "Error";
    public const string Stopped = "Stopped";

    public static IReadOnlyList<string> All { get; } = [Pending, Running, Success, Error, Stopped];
}
