using System.Text;

namespace Berth.Scanning.Tests.Versions;

/// <summary>
/// Deterministic (seeded) generator of realistic and tricky Debian version pairs: epochs (also explicit
/// <c>0:</c> and <c>01:</c>), <c>~</c> and <c>~~</c>, <c>+</c> suffixes, letters of both cases, digit runs with
/// leading zeros and date-length runs, hyphens inside upstream, colons after an epoch, revisions such as
/// <c>1ubuntu3.1</c> or <c>2+deb12u1</c>, near-miss mutations of one version and equal spellings of the same
/// version. Every version it emits is one dpkg parses without error.
/// </summary>
public sealed class DpkgVersionGenerator(int seed, IReadOnlyList<string> realVersions)
{
    private static readonly string[] UpstreamWords = ["dfsg", "ds", "git", "really", "svn", "rc", "beta", "alpha", "repack", "b", "nmu"];
    private static readonly string[] RevisionWords = ["ubuntu", "deb", "u", "build", "bpo", "esm", "nmu", "really"];
    private static readonly string[] NearOneZero = ["1.0", "1.0~", "1.0~~", "1.0~~a", "1.0~a", "1.0a", "1.0A", "1.0+", "1.0.", "1.0.0", "1.00",
        "1.0-0", "0:1.0", "1.0-1", "1.0-1~", "1.0-1+b1", "1.0+b1", "1.0~rc1", "1.0~rc1-1", "1.0.1", "1.01", "1.0a~", "1.0-0.1", "01.0", "1.0-a"];

    private readonly Random random = new(seed);

    public IEnumerable<(string Left, string Right)> Pairs(int count)
    {
        for (var i = 0; i < count; i++)
        {
            var kind = random.Next(100);
            yield return kind switch
            {
                < 40 => MutatedPair(Version()),
                < 62 => (Version(), Version()),
                < 72 => EqualSpellings(Version()),
                < 85 => (Pick(NearOneZero), Pick(NearOneZero)),
                < 93 => (Pick(realVersions), Pick(realVersions)),
                _ => MutatedPair(Pick(realVersions)),
            };
        }
    }

    private (string, string) MutatedPair(string version)
    {
        var other = version;
        var rounds = 1 + random.Next(3);
        for (var i = 0; i < rounds; i++) other = Mutate(other);
        return random.Next(2) == 0 ? (version, other) : (other, version);
    }

    private (string, string) EqualSpellings(string version)
    {
        var other = random.Next(4) switch
        {
            0 when !version.Contains(':') => "0:" + version,
            1 when !HasRevision(version) => version + "-0",
            2 => AddLeadingZero(version),
            _ => version,
        };
        return (version, other);
    }

    private string Version()
    {
        var roll = random.Next(100);
        var epoch = roll < 65 ? "" : roll < 75 ? "0:" : roll < 78 ? "01:" : $"{1 + random.Next(3)}:";
        var hasRevision = random.Next(100) < 70;
        var version = epoch + Upstream(allowColon: epoch.Length > 0, allowHyphen: hasRevision);
        return hasRevision ? version + "-" + Revision() : version;
    }

    private string Upstream(bool allowColon, bool allowHyphen)
    {
        var text = new StringBuilder(DigitRun());
        var pieces = random.Next(6);
        for (var i = 0; i < pieces; i++)
        {
            switch (random.Next(12))
            {
                case < 4: text.Append('.').Append(DigitRun()); break;
                case 4: text.Append(Letters()); break;
                case 5: text.Append('~').Append(random.Next(3) switch { 0 => "", 1 => Pick(UpstreamWords) + DigitRun(), _ => "~" }); break;
                case 6: text.Append('+').Append(Pick(UpstreamWords)).Append(random.Next(2) == 0 ? DigitRun() : ""); break;
                case 7: text.Append(DigitRun()); break;
                case 8 when allowHyphen: text.Append('-').Append(DigitRun()); break;
                case 9 when allowColon: text.Append(':').Append(DigitRun()); break;
                case 10: text.Append(Pick(UpstreamWords)); break;
                default: text.Append('.'); break;
            }
        }
        return text.ToString();
    }

    private string Revision()
    {
        var text = new StringBuilder(random.Next(5) == 0 ? Pick(RevisionWords) : DigitRun());
        var pieces = random.Next(5);
        for (var i = 0; i < pieces; i++)
        {
            switch (random.Next(7))
            {
                case 0: text.Append('.').Append(DigitRun()); break;
                case 1: text.Append(Pick(RevisionWords)).Append(DigitRun()); break;
                case 2: text.Append('+').Append(Pick(RevisionWords)).Append(DigitRun()); break;
                case 3: text.Append('~').Append(random.Next(2) == 0 ? Pick(RevisionWords) : ""); break;
                case 4: text.Append(Letters()); break;
                case 5: text.Append(DigitRun()); break;
                default: text.Append('.'); break;
            }
        }
        return text.ToString();
    }

    private string Mutate(string version)
    {
        for (var attempt = 0; attempt < 20; attempt++)
        {
            var candidate = MutateOnce(version);
            if (candidate != version && IsWellFormed(candidate)) return candidate;
        }
        return version;
    }

    private string MutateOnce(string version)
    {
        var at = random.Next(version.Length);
        switch (random.Next(10))
        {
            case 0:
                var c = version[at];
                if (char.IsAsciiDigit(c)) return version[..at] + (char)('0' + (c - '0' + 1 + random.Next(9)) % 10) + version[(at + 1)..];
                if (char.IsAsciiLetter(c)) return version[..at] + (char.IsAsciiLetterLower(c) ? char.ToUpperInvariant(c) : char.ToLowerInvariant(c)) + version[(at + 1)..];
                return version;
            case 1: return AddLeadingZero(version);
            case 2: return version + Pick(["~", "~~", "~rc1", "+b1", "+", ".0", ".", "a", "0", "1", "z", "~a"]);
            case 3: return version[..^1];
            case 4: return version.Contains(':') ? $"{random.Next(3)}:" + version[(version.IndexOf(':') + 1)..] : "0:" + version;
            case 5: return version[..at] + Pick(["~", "+", ".", "a", "0", "~~"]) + version[at..];
            case 6: return HasRevision(version) ? version[..version.LastIndexOf('-')] : version + "-" + Revision();
            case 7: return version.Replace(Pick([".", "+", "~"]), Pick([".", "+", "~"]));
            case 8: return version[..at] + version[(at + 1)..];
            default: return version + DigitRun();
        }
    }

    private string AddLeadingZero(string version)
    {
        // Put a zero in front of a digit run that does not follow another digit: same value, different text.
        var starts = Enumerable.Range(0, version.Length)
            .Where(i => char.IsAsciiDigit(version[i]) && (i == 0 || !char.IsAsciiDigit(version[i - 1])))
            .ToList();
        var at = starts[random.Next(starts.Count)];
        return version[..at] + "0" + version[at..];
    }

    private string DigitRun() => random.Next(20) switch
    {
        0 => "0" + random.Next(10),
        1 => "00" + random.Next(100),
        2 => (20_000_000_000_000L + (long)(random.NextDouble() * 9_000_000_000_000L)).ToString(System.Globalization.CultureInfo.InvariantCulture),
        3 => "0",
        _ => random.Next(random.Next(2) == 0 ? 10 : 200).ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    private string Letters()
    {
        const string alphabet = "abcdefghijklmnopqrstuvwxyzABCZ";
        var length = 1 + random.Next(3);
        var text = new StringBuilder();
        for (var i = 0; i < length; i++) text.Append(alphabet[random.Next(alphabet.Length)]);
        return text.ToString();
    }

    private T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];

    private static bool HasRevision(string version) => version[(version.IndexOf(':') + 1)..].Contains('-');

    /// <summary>
    /// dpkg's own hard rules, independent of the scheme under test: numeric epoch before the first colon,
    /// non-empty upstream starting with a digit, non-empty revision after the last hyphen, and only the
    /// characters dpkg accepts without a warning.
    /// </summary>
    public static bool IsWellFormed(string version)
    {
        var colon = version.IndexOf(':');
        if (colon == 0 || (colon > 0 && !version[..colon].All(char.IsAsciiDigit))) return false;
        var rest = version[(colon + 1)..];
        var dash = rest.LastIndexOf('-');
        var upstream = dash >= 0 ? rest[..dash] : rest;
        var revision = dash >= 0 ? rest[(dash + 1)..] : null;
        if (upstream.Length == 0 || !char.IsAsciiDigit(upstream[0])) return false;
        if (!upstream.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '+' or '~' or ':' or '-')) return false;
        return revision is null || (revision.Length > 0 && revision.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '+' or '~'));
    }
}
