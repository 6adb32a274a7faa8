using System.Text.RegularExpressions;

namespace Berth.Scanning.Versions;

/// <summary>
/// PyPI versions by PEP 440 (as pypa/packaging and Trivy's go-pep440-version read them): epochs <c>N!</c>,
/// release numbers, pre-releases (<c>a</c>/<c>b</c>/<c>rc</c> and the spellings alpha, beta, c, pre, preview),
/// post-releases (<c>.postN</c>, <c>-N</c>, rev, r), dev-releases and <c>+local</c> labels, case-insensitive with
/// optional <c>-_.</c> separators and a leading <c>v</c>; missing numbers read as 0. Ordering follows packaging's
/// sort key, e.g. <c>1.0.dev456 &lt; 1.0a1 &lt; 1.0b2.post345.dev456 &lt; 1.0rc1 &lt; 1.0 &lt; 1.0+local &lt; 1.0.post1</c>.
/// Unreadable versions (legacy ones such as <c>1.0-foo</c>): see <see cref="UnreadableVersions"/>.
/// </summary>
public sealed partial class Pep440VersionScheme : IVersionScheme
{
    public string Name => "pep440";

    public bool IsValid(string version) => Parse(version) is not null;

    public int Compare(string left, string right) =>
        UnreadableVersions.Compare(left, right, Parse, static (l, r) => l.CompareTo(r));

    internal static Pep440Version? Parse(string version)
    {
        var match = Grammar().Match(version);
        if (!match.Success) return null;

        var release = match.Groups["release"].Value.Split('.');
        var kept = release.Length;
        while (kept > 1 && Numerals.IsZero(release[kept - 1])) kept--;

        string? preLabel = null;
        if (match.Groups["prel"].Success)
        {
            preLabel = match.Groups["prel"].Value.ToLowerInvariant() switch
            {
                "a" or "alpha" => "a",
                "b" or "beta" => "b",
                _ => "rc", // c, rc, pre, preview
            };
        }

        string? post = null;
        if (match.Groups["postn1"].Success) post = match.Groups["postn1"].Value;
        else if (match.Groups["postl"].Success) post = NumberOrZero(match.Groups["postn2"]);

        var dev = match.Groups["devl"].Success ? NumberOrZero(match.Groups["devn"]) : null;

        IReadOnlyList<string>? local = null;
        if (match.Groups["local"].Success)
        {
            local = match.Groups["local"].Value.ToLowerInvariant().Split('.', '-', '_');
        }

        return new Pep440Version(
            match.Groups["epoch"].Success ? match.Groups["epoch"].Value : "0",
            release[..kept],
            preLabel,
            NumberOrZero(match.Groups["pren"]),
            post,
            dev,
            local);
    }

    private static string NumberOrZero(Group group) => group.Success ? group.Value : "0";

    // PEP 440 Appendix B's canonical pattern. Every quantified piece is delimited by a literal, so matching is
    // linear in the input length even for hostile strings.
    [GeneratedRegex("""
        ^\s*v?
        (?:(?<epoch>[0-9]+)!)?
        (?<release>[0-9]+(?:\.[0-9]+)*)
        (?:[-_.]?(?<prel>alpha|a|beta|b|preview|pre|c|rc)[-_.]?(?<pren>[0-9]+)?)?
        (?:(?:-(?<postn1>[0-9]+))|(?:[-_.]?(?<postl>post|rev|r)[-_.]?(?<postn2>[0-9]+)?))?
        (?:[-_.]?(?<devl>dev)[-_.]?(?<devn>[0-9]+)?)?
        (?:\+(?<local>[a-z0-9]+(?:[-_.][a-z0-9]+)*))?
        \s*$
        """, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.IgnorePatternWhitespace | RegexOptions.ExplicitCapture)]
    private static partial Regex Grammar();
}
