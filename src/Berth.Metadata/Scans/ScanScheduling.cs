namespace Berth.Metadata.Scans;

/// <summary>What asking for a scan did: queued the artifact (or every image of an index), or why it cannot be scanned.</summary>
public sealed record ScanScheduling(int Queued, string? NotScannable)
{
    public bool Accepted => NotScannable is null;

    public static ScanScheduling Scheduled(int queued) => new(queued, null);

    public static ScanScheduling Refused(string reason) => new(0, reason);
}
