namespace Berth.Scanning.Advisories;

/// <summary>
/// One vulnerability advisory as an importer read it from a feed (OSV, Alpine secdb, Debian tracker),
/// before it is split into one stored row per affected package.
/// </summary>
public sealed record Advisory
{
    /// <summary>CVE-…, GHSA-…, GO-…, RUSTSEC-…, PYSEC-…, TEMP-….</summary>
    public required string Id { get; init; }

    /// <summary>The feed, e.g. "go-vulndb" (see <see cref="AdvisorySources"/>).</summary>
    public required string Source { get; init; }

    public IReadOnlyList<string> Aliases { get; init; } = [];

    public string? Summary { get; init; }

    public DateTimeOffset? Published { get; init; }

    public DateTimeOffset? Modified { get; init; }

    /// <summary>Set when the feed withdrew the advisory; such advisories are removed, never matched.</summary>
    public DateTimeOffset? Withdrawn { get; init; }

    /// <summary>The advisory-wide rating; an affected package may carry its own.</summary>
    public AdvisoryRating Rating { get; init; } = AdvisoryRating.Unknown;

    public IReadOnlyList<AffectedPackage> Affected { get; init; } = [];
}
