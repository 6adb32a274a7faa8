namespace Berth.Scanning.Versions;

/// <summary>
/// npm versions as node-semver reads them (strict SemVer 2.0 with an optional leading <c>v</c>):
/// <c>MAJOR.MINOR.PATCH[-PRE][+BUILD]</c>, numeric parts without leading zeros and at most
/// <see cref="MaxSafeInteger"/>, pre-release identifiers numeric (no leading zero) or containing a letter or
/// hyphen, build identifiers of <c>[0-9A-Za-z-]</c>. Precedence is SemVer §11: build metadata ignored, a release
/// above its pre-releases (<c>1.0.0-0 &lt; 1.0.0</c>, <c>0.0.0-0 &lt; 0.0.0</c>). Surrounding whitespace is
/// ignored as node-semver does. Unreadable versions: see <see cref="UnreadableVersions"/>.
/// </summary>
public sealed class NpmVersionScheme : IVersionScheme
{
    /// <summary>JavaScript's Number.MAX_SAFE_INTEGER: node-semver rejects larger major/minor/patch numbers.</summary>
    public const string MaxSafeInteger = "9007199254740991";

    public string Name => "npm";

    public bool IsValid(string version) => Parse(version) is not null;

    public int Compare(string left, string right) =>
        UnreadableVersions.Compare(left, right, Parse, static (l, r) => l.CompareTo(r));

    internal static SemverLikeVersion? Parse(string version)
    {
        var text = version.AsSpan().Trim();
        if (text.StartsWith("v")) text = text[1..];

        var buildStart = text.IndexOf('+');
        if (buildStart >= 0)
        {
            if (!AllIdentifiers(text[(buildStart + 1)..], IsBuildIdentifier)) return null;
            text = text[..buildStart];
        }

        IReadOnlyList<string> prerelease = [];
        var prereleaseStart = text.IndexOf('-');
        if (prereleaseStart >= 0)
        {
            var body = text[(prereleaseStart + 1)..];
            if (!AllIdentifiers(body, IsPrereleaseIdentifier)) return null;
            prerelease = body.ToString().Split('.');
            text = text[..prereleaseStart];
        }

        var release = text.ToString().Split('.');
        if (release.Length != 3) return null;
        foreach (var part in release)
        {
            if (!IsNumericIdentifier(part) || Numerals.Compare(part, MaxSafeInteger) > 0) return null;
        }
        return new SemverLikeVersion(release, prerelease);
    }

    private static bool AllIdentifiers(ReadOnlySpan<char> dotted, Func<string, bool> isValid)
    {
        foreach (var range in dotted.Split('.'))
        {
            if (!isValid(dotted[range].ToString())) return false;
        }
        return true;
    }

    /// <summary><c>0</c> or digits without a leading zero.</summary>
    private static bool IsNumericIdentifier(string part) =>
        Numerals.IsDigits(part) && (part.Length == 1 || part[0] != '0');

    private static bool IsPrereleaseIdentifier(string part) =>
        part.Length > 0 && (Numerals.IsDigits(part) ? IsNumericIdentifier(part) : part.All(IsSemverChar));

    private static bool IsBuildIdentifier(string part) => part.Length > 0 && part.All(IsSemverChar);

    private static bool IsSemverChar(char c) => char.IsAsciiLetterOrDigit(c) || c == '-';
}
