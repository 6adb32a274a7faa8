using Berth.Core;

namespace Berth.Policy.Admission;

/// <summary>
/// One <c>Admission:PinDigests</c> entry: in the namespaces it matches (globs as in a constraint's
/// <c>spec.match.namespaces</c>; none given means every namespace, minus <see cref="ExcludedNamespaces"/>), images
/// of Berth whose repository one of <see cref="Repos"/> admits (compared as constraint repos are, on path
/// boundaries; none given means every image on Berth's address) are pinned to the digest their tag names now.
/// </summary>
public sealed record DigestPinRule(IReadOnlyList<NamePattern> Namespaces, IReadOnlyList<NamePattern> ExcludedNamespaces, IReadOnlyList<RepoEntry> Repos)
{
    public bool Matches(string @namespace, ImageReference image)
    {
        if (Namespaces.Count > 0 && !Namespaces.Any(n => n.Matches(@namespace))) return false;
        if (ExcludedNamespaces.Any(n => n.Matches(@namespace))) return false;
        return Repos.Count == 0 || Repos.Any(r => r.Admits(image));
    }

    /// <summary>The rule from its lists as configured; null with <paramref name="error"/> naming the key at fault.</summary>
    public static DigestPinRule? Parse(
        IReadOnlyList<string> namespaces, IReadOnlyList<string> excludedNamespaces, IReadOnlyList<string> repos, string at, out string? error)
    {
        error = null;
        var included = Patterns(namespaces, $"{at}:Namespaces", ref error);
        var excluded = Patterns(excludedNamespaces, $"{at}:ExcludedNamespaces", ref error);
        var entries = new List<RepoEntry>();
        for (var i = 0; i < repos.Count && error is null; i++)
        {
            if (RepoEntry.Parse(repos[i], out var repoError) is { } entry) entries.Add(entry);
            else error = $"{at}:Repos:{i} {repoError}";
        }
        return error is null ? new DigestPinRule(included, excluded, entries) : null;
    }

    private static List<NamePattern> Patterns(IReadOnlyList<string> texts, string at, ref string? error)
    {
        var patterns = new List<NamePattern>();
        for (var i = 0; i < texts.Count && error is null; i++)
        {
            if (NamePattern.Validate(texts[i]) is { } problem) error = $"{at}:{i} {problem}";
            else patterns.Add(new NamePattern(texts[i]));
        }
        return patterns;
    }
}
