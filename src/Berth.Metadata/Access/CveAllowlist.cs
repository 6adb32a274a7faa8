namespace Berth.Metadata.Access;

/// <summary>
/// A list of CVE ids exempt from pull prevention: the system's (project id 0) or one project's. The whole
/// list expires at <see cref="ExpiresAt"/> (null = never), as in Harbor.
/// </summary>
public sealed record CveAllowlist(long ProjectId, DateTimeOffset? ExpiresAt, IReadOnlyList<string> Items, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public const long System = 0;

    public bool IsExpired(DateTimeOffset now) => ExpiresAt is { } expires && now >= expires;
}
