namespace Berth.Metadata.Access;

/// <summary>A local user. <see cref="PasswordVersion"/> rises with every password change, so cached credentials can tell they are stale.</summary>
public sealed record UserAccount(
    long Id,
    string Username,
    string Email,
    string Realname,
    string Comment,
    string PasswordHash,
    int PasswordVersion,
    bool SysAdmin,
    bool Disabled,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);
