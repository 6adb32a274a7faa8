namespace Berth.Metadata.Scans;

/// <summary>
/// What asking to stop an artifact's scan did: how many Pending or Running scans became Stopped (none when its last
/// scan had already finished, which Harbor also accepts), or why there was nothing to stop.
/// </summary>
public sealed record ScanStop(int Stopped, string? NotFound)
{
    public bool Found => NotFound is null;

    public static ScanStop Of(int stopped) => new(stopped, null);

    public static ScanStop Missing(string reason) => new(0, reason);
}
