namespace Berth.Metadata.Access;

/// <summary>
/// A project as stored: its Harbor metadata keys (<c>public</c>, <c>auto_scan</c>, <c>prevent_vul</c>, …) kept
/// as strings exactly as given, and how many repositories it holds.
/// </summary>
public sealed record ProjectRecord(
    long Id,
    string Name,
    long? OwnerId,
    string? OwnerName,
    IReadOnlyDictionary<string, string> Metadata,
    int RepositoryCount,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    /// <summary>Harbor reads "true" and "1" as true.</summary>
    public bool IsPublic => Metadata.TryGetValue("public", out var value) && value is "true" or "1";
}
