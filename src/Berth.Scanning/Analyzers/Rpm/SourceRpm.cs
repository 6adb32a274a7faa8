using System.Diagnostics.CodeAnalysis;

namespace Berth.Scanning.Analyzers.Rpm;

/// <summary>
/// The source package named by SOURCERPM, <c>name-version-release.arch.rpm</c>. Split as yum's splitFilename
/// (and Trivy) do: the last '.' ends the release, then the last two '-' separate name, version and release.
/// Names may contain '-', versions and releases may not.
/// </summary>
internal sealed record SourceRpm(string Name, string Version, string Release)
{
    public static bool TryParse(string fileName, [NotNullWhen(true)] out SourceRpm? source)
    {
        source = null;
        var stem = fileName.EndsWith(".rpm", StringComparison.Ordinal) ? fileName[..^4] : fileName;
        var archDot = stem.LastIndexOf('.');
        if (archDot < 0) return false;
        var releaseDash = stem.AsSpan(0, archDot).LastIndexOf('-');
        if (releaseDash < 0) return false;
        var versionDash = stem.AsSpan(0, releaseDash).LastIndexOf('-');
        if (versionDash <= 0) return false;

        var name = stem[..versionDash];
        var version = stem[(versionDash + 1)..releaseDash];
        var release = stem[(releaseDash + 1)..archDot];
        if (version.Length == 0 || release.Length == 0) return false;
        source = new SourceRpm(name, version, release);
        return true;
    }
}
