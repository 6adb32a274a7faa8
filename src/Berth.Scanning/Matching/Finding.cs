using Berth.Scanning.Advisories;

namespace Berth.Scanning.Matching;

/// <summary>One advisory that applies to one installed package.</summary>
public sealed record Finding
{
    public required string AdvisoryId { get; init; }

    public IReadOnlyList<string> Aliases { get; init; } = [];

    /// <summary>The installed package's own name (a binary package for distros).</summary>
    public required string PackageName { get; init; }

    /// <summary>The name the advisory is keyed by: the source package for distros, the normalised name otherwise.</summary>
    public required string AdvisoryPackage { get; init; }

    /// <summary>The ecosystem string the advisory was found under: "Debian:12", "Alpine:v3.20", "Go", "PyPI"…</summary>
    public required string Ecosystem { get; init; }

    public required string InstalledVersion { get; init; }

    /// <summary>The version compared against the advisory (the source version for Debian), when it differs from the installed one.</summary>
    public string? ComparedVersion { get; init; }

    /// <summary>Versions that fix it, lowest first; empty when no fix is known.</summary>
    public IReadOnlyList<string> FixedVersions { get; init; } = [];

    public Severity Severity { get; init; }

    public string? CvssVector { get; init; }

    public double? CvssScore { get; init; }

    public AdvisoryStatus Status { get; init; }

    /// <summary>A fixed version exists (Trivy's "fixable", what <c>--ignore-unfixed</c> keeps).</summary>
    public bool Fixable => Status == AdvisoryStatus.Fixed;

    /// <summary>RustSec's unmaintained/unsound/notice: reported, but not a vulnerability.</summary>
    public string? Informational { get; init; }

    public bool IsVulnerability => Informational is null;

    public string? Summary { get; init; }

    public required string Source { get; init; }

    public string? LayerDiffId { get; init; }

    /// <summary>Where the package was recorded (database or manifest file).</summary>
    public string? FilePath { get; init; }
}
