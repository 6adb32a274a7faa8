namespace Berth.Scanning.Versions;

/// <summary>
/// How one ecosystem orders its versions (dpkg, apk, rpm, semver, PEP 440, Maven, …). Comparison is total
/// over valid versions; <see cref="IsValid"/> says whether a string is one, so callers can skip
/// packages or advisory events whose version the scheme cannot read rather than guess.
/// </summary>
public interface IVersionScheme
{
    string Name { get; }

    bool IsValid(string version);

    /// <summary>Negative, zero or positive as <paramref name="left"/> sorts before, with or after <paramref name="right"/>.</summary>
    int Compare(string left, string right);
}
