using Berth.Metadata.Scans;

namespace Berth.Policy.Vulnerabilities;

/// <summary>
/// Harbor's <c>MergeScanStatus</c> for an index whose children were scanned one by one: Running outranks Stopped,
/// Stopped outranks Success, Success outranks the rest (Pending, Error), and among those the later child wins.
/// So one successful child makes the index a Success unless another is still running or was stopped.
/// </summary>
public static class ScanStatusMerge
{
    public static string Merge(IEnumerable<string> statuses)
    {
        string? merged = null;
        foreach (var status in statuses)
        {
            if (merged is null || Rank(status) >= Rank(merged)) merged = status;
        }
        return merged ?? ScanStatus.Pending;
    }

    private static int Rank(string status) => status switch
    {
        ScanStatus.Running => 3,
        ScanStatus.Stopped => 2,
        ScanStatus.Success => 1,
        _ => 0,
    };
}
