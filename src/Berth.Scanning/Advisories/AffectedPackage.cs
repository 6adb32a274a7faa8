namespace Berth.Scanning.Advisories;

/// <summary>
/// The versions of one package an advisory affects, in OSV terms: ranges of events plus explicit versions.
/// Distro feeds are expressed the same way (`introduced 0, fixed X`, or no fix with a vendor status).
/// </summary>
public sealed record AffectedPackage
{
    /// <summary>OSV ecosystem string: "Go", "PyPI", "crates.io", "Debian:12", "Alpine:v3.10".</summary>
    public required string Ecosystem { get; init; }

    /// <summary>The package name as the feed writes it; rows are keyed by its normalised form.</summary>
    public required string Name { get; init; }

    public IReadOnlyList<AffectedRange> Ranges { get; init; } = [];

    /// <summary>Versions listed as affected one by one (OSV `versions`).</summary>
    public IReadOnlyList<string> Versions { get; init; } = [];

    /// <summary>RustSec's informational kind (unmaintained, unsound, notice): a warning, not a vulnerability.</summary>
    public string? Informational { get; init; }

    /// <summary>A vendor's status for unfixed entries (Debian: will_not_fix, fix_deferred, end_of_life).</summary>
    public AdvisoryStatus? Status { get; init; }

    /// <summary>A package-specific rating (Debian urgency, RustSec cvss) that overrides the advisory's.</summary>
    public AdvisoryRating? Rating { get; init; }
}
