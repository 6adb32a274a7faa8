namespace Berth.Scanning.Advisories;

/// <summary>
/// Debian release codenames and their major versions, for feeds and os-release files that name releases by codename,
/// and what the security tracker's states say about a release not yet fixed. One table for the importers and the
/// matcher, so a new release is added once.
/// </summary>
internal static class DebianReleases
{
    public static IReadOnlyDictionary<string, string> Known { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["wheezy"] = "7", ["jessie"] = "8", ["stretch"] = "9", ["buster"] = "10", ["bullseye"] = "11",
        ["bookworm"] = "12", ["trixie"] = "13", ["forky"] = "14",
    };

    /// <summary><see cref="Known"/> with sid, whose advisories are filed under "Debian:sid".</summary>
    public static IReadOnlyDictionary<string, string> WithSid { get; } =
        new Dictionary<string, string>(Known.Append(new("sid", "sid")), StringComparer.Ordinal);

    /// <summary>
    /// The status of a release still affected, by the tracker's state for it (the no-DSA reason, or "end-of-life"):
    /// ignored → will_not_fix, postponed → fix_deferred, end-of-life → end_of_life, anything else (unfixed, no-dsa,
    /// removed) → affected.
    /// </summary>
    public static AdvisoryStatus UnfixedStatus(string? state) => state switch
    {
        "ignored" => AdvisoryStatus.WillNotFix,
        "postponed" => AdvisoryStatus.FixDeferred,
        "end-of-life" => AdvisoryStatus.EndOfLife,
        _ => AdvisoryStatus.Affected,
    };
}
