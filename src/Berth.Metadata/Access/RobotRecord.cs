namespace Berth.Metadata.Access;

/// <summary>
/// A robot account: <c>robot$&lt;project&gt;+&lt;name&gt;</c> at project level or <c>robot$&lt;name&gt;</c> at system
/// level, its hashed secret, expiry (null = never) and its permissions as Harbor's JSON list.
/// </summary>
public sealed record RobotRecord(
    long Id,
    string Name,
    string Description,
    string Level,
    long? ProjectId,
    string SecretHash,
    int DurationDays,
    DateTimeOffset? ExpiresAt,
    bool Disabled,
    string PermissionsJson,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public bool IsExpired(DateTimeOffset now) => ExpiresAt is { } expires && now >= expires;
}
