namespace Berth.Access.Tokens;

/// <summary>The claims of a validated registry token that authorization needs.</summary>
public sealed record RegistryToken(string Subject, DateTimeOffset ExpiresAt, IReadOnlyList<AccessEntry> Access)
{
    public bool Grants(string type, string name, string action) =>
        Access.Any(a => a.Type == type && a.Name == name && (a.Actions.Contains(action) || a.Actions.Contains("*")));
}
