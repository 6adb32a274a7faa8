namespace Berth.Scanning.Analyzers.Os;

/// <summary>
/// Whether a string is a dpkg version ([epoch:]upstream[-revision], Debian Policy §5.6.12): an unreadable version
/// could not be compared with advisories, so such a package is reported as a warning instead.
/// </summary>
internal static class DebianVersionSyntax
{
    public static bool IsValid(string version)
    {
        var rest = version.AsSpan().Trim();
        var colon = rest.IndexOf(':');
        if (colon >= 0)
        {
            var epoch = rest[..colon];
            if (epoch.IsEmpty || epoch.IndexOfAnyExcept("0123456789") >= 0) return false;
            rest = rest[(colon + 1)..];
        }
        var dash = rest.LastIndexOf('-');
        var upstream = dash >= 0 ? rest[..dash] : rest;
        var revision = dash >= 0 ? rest[(dash + 1)..] : [];
        if (upstream.IsEmpty || !char.IsAsciiDigit(upstream[0])) return false;
        foreach (var c in upstream)
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('.' or '+' or '~' or ':' or '_' or '-')) return false;
        foreach (var c in revision)
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('.' or '+' or '~' or '_')) return false;
        return true;
    }
}
