namespace Berth.Scanning.Advisories;

public enum RangeType
{
    /// <summary>SemVer 2.0 precedence.</summary>
    Semver,

    /// <summary>The ecosystem's own ordering (PEP 440, dpkg, apk…).</summary>
    Ecosystem,

    /// <summary>Commit hashes; needs the repository graph, so matching ignores it.</summary>
    Git,
}
