namespace Berth.Scanning.Versions;

/// <summary>
/// Trivy's "generic" comparer (aquasecurity/go-version <c>pkg/version</c>), used for Go modules, crates.io,
/// Composer/Packagist and NuGet. Grammar: optional <c>v</c>, any number of dot-separated numeric segments,
/// an optional pre-release (after <c>-</c>, or written straight on as in <c>1.7rc2</c>), optional <c>+build</c>:
/// <c>v?N(.N)*([-]PRE(.PRE)*)?(+BUILD(.BUILD)*)?</c> with identifiers of <c>[0-9A-Za-z-~]</c>.
/// Segments compare by value with missing ones zero (<c>v1.2.0.0 == v1.2</c>), a release sorts above its
/// pre-releases, pre-releases compare SemVer-style and build metadata is ignored. So Go pseudo-versions
/// (<c>v0.0.0-20191216044856-a8371794149d</c>) sort as pre-releases of their base, and the vulndb/RustSec
/// lower bounds <c>1.15.0-0</c> and <c>0.0.0-0</c> sort below <c>1.15.0</c> and <c>0.0.0</c>.
/// Differences from go-version, on purpose: surrounding whitespace is ignored, and numbers of any length are
/// compared by value (go-version rejects segments above 2^64 and reads such pre-release fields as text).
/// Unreadable versions: see <see cref="UnreadableVersions"/>.
/// </summary>
public sealed class GenericVersionScheme : IVersionScheme
{
    public string Name => "generic";

    public bool IsValid(string version) => Parse(version) is not null;

    public int Compare(string left, string right) =>
        UnreadableVersions.Compare(left, right, Parse, static (l, r) => l.CompareTo(r));

    internal static SemverLikeVersion? Parse(string version)
    {
        var text = version.AsSpan().Trim();
        var position = 0;
        if (position < text.Length && text[position] == 'v') position++;

        var release = new List<string>();
        while (true)
        {
            var start = position;
            while (position < text.Length && char.IsAsciiDigit(text[position])) position++;
            if (position == start) return null;
            release.Add(text[start..position].ToString());
            if (position < text.Length && text[position] == '.') position++;
            else break;
        }

        IReadOnlyList<string> prerelease = [];
        if (position < text.Length && (text[position] == '-' || char.IsAsciiLetter(text[position]) || text[position] == '~'))
        {
            // "1.2-beta" and "1.7rc2" both carry a pre-release; the dash itself is not part of it.
            if (text[position] == '-') position++;
            var identifiers = ReadIdentifiers(text, ref position);
            if (identifiers is null) return null;
            prerelease = identifiers;
        }

        if (position < text.Length && text[position] == '+')
        {
            position++;
            if (ReadIdentifiers(text, ref position) is null) return null;
        }

        return position == text.Length ? new SemverLikeVersion(release, prerelease) : null;
    }

    /// <summary>Reads <c>ID(.ID)*</c> with IDs of <c>[0-9A-Za-z-~]+</c>; null when an identifier is empty.</summary>
    private static List<string>? ReadIdentifiers(ReadOnlySpan<char> text, ref int position)
    {
        var identifiers = new List<string>();
        while (true)
        {
            var start = position;
            while (position < text.Length && IsIdentifierChar(text[position])) position++;
            if (position == start) return null;
            identifiers.Add(text[start..position].ToString());
            if (position < text.Length && text[position] == '.') position++;
            else return identifiers;
        }
    }

    private static bool IsIdentifierChar(char c) => char.IsAsciiLetterOrDigit(c) || c == '-' || c == '~';
}
