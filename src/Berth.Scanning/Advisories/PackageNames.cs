using System.Text.RegularExpressions;

namespace Berth.Scanning.Advisories;

/// <summary>
/// The keys advisories are stored and looked up by, so that a feed's spelling and an analyzer's spelling
/// of the same package meet: PyPI names by PEP 503, Go module paths exactly (they are case-sensitive),
/// everything else lower-case (as trivy-db does); Ubuntu's ":LTS" suffix is not part of the release.
/// </summary>
public static partial class PackageNames
{
    public static string Normalise(string ecosystem, string name)
    {
        var trimmed = name.Trim();
        if (ecosystem == "Go") return trimmed;
        if (ecosystem == "PyPI") return Pep503Separators().Replace(trimmed, "-").ToLowerInvariant();
        return trimmed.ToLowerInvariant();
    }

    public static string NormaliseEcosystem(string ecosystem)
    {
        var trimmed = ecosystem.Trim();
        return trimmed.StartsWith("Ubuntu:", StringComparison.Ordinal) && trimmed.EndsWith(":LTS", StringComparison.Ordinal)
            ? trimmed[..^":LTS".Length]
            : trimmed;
    }

    [GeneratedRegex("[-_.]+")]
    private static partial Regex Pep503Separators();
}
