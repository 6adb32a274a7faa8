namespace Berth.Access.Tokens;

/// <summary>
/// One entry of a registry token's <c>access</c> claim, and the parsed form of a requested
/// <c>scope</c> (<c>repository:team/app:pull,push</c>, <c>registry:catalog:*</c>).
/// </summary>
public sealed record AccessEntry(string Type, string Name, IReadOnlyList<string> Actions)
{
    public const string RepositoryType = "repository";
    public const string RegistryType = "registry";

    /// <summary>
    /// Parses a scope. The name may itself contain ':' (a registry host with a port), so the type is
    /// everything before the first ':' and the actions everything after the last.
    /// </summary>
    public static bool TryParseScope(string scope, out AccessEntry entry)
    {
        entry = null!;
        var first = scope.IndexOf(':');
        var last = scope.LastIndexOf(':');
        if (first <= 0 || last <= first + 1) return false;
        var actions = scope[(last + 1)..].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        entry = new AccessEntry(scope[..first], scope[(first + 1)..last], actions);
        return true;
    }

    /// <summary>A request's scope parameters may hold several scopes separated by spaces.</summary>
    public static IReadOnlyList<AccessEntry> ParseScopes(IEnumerable<string?> scopes)
    {
        var entries = new List<AccessEntry>();
        foreach (var value in scopes)
        {
            if (string.IsNullOrWhiteSpace(value)) continue;
            foreach (var scope in value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                if (TryParseScope(scope, out var entry)) entries.Add(entry);
            }
        }
        return entries;
    }

    public string ToScope() => $"{Type}:{Name}:{string.Join(',', Actions)}";
}
