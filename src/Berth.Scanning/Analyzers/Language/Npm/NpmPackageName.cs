namespace Berth.Scanning.Analyzers.Language.Npm;

/// <summary>
/// The npm registry's naming rules (as validate-npm-package-name states them): at most 214 characters, an
/// optional <c>@scope/</c>, URL-safe characters, not starting with '.' or '_'. Capitals are accepted because
/// old packages such as JSONStream still carry them. A package.json whose name fails is a project file or a
/// test fixture, not an installed package.
/// </summary>
public static class NpmPackageName
{
    public static bool IsValid(string? name)
    {
        if (string.IsNullOrEmpty(name) || name.Length > 214) return false;
        var bare = name;
        if (name[0] == '@')
        {
            var slash = name.IndexOf('/');
            if (slash < 2 || !IsPart(name.AsSpan(1, slash - 1))) return false;
            bare = name[(slash + 1)..];
        }
        return IsPart(bare) && bare[0] is not ('.' or '_');
    }

    private static bool IsPart(ReadOnlySpan<char> part)
    {
        if (part.IsEmpty) return false;
        foreach (var c in part)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' or '~')) return false;
        }
        return true;
    }
}
