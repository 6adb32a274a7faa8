namespace Berth.Metadata.Access;

/// <summary>Local users.</summary>
public interface IUserStore
{
    Task<UserAccount?> FindAsync(string username, CancellationToken cancellationToken);

    Task<UserAccount?> FindAsync(long id, CancellationToken cancellationToken);

    /// <summary>The new user, or null when the username is taken.</summary>
    Task<UserAccount?> CreateAsync(NewUser user, CancellationToken cancellationToken);

    /// <summary>Replaces the password hash and bumps the password version; false when there is no such user.</summary>
    Task<bool> SetPasswordAsync(long id, string passwordHash, CancellationToken cancellationToken);

    Task<bool> UpdateProfileAsync(long id, string email, string realname, string comment, CancellationToken cancellationToken);

    Task<bool> SetSysAdminAsync(long id, bool sysAdmin, CancellationToken cancellationToken);

    Task<bool> SetDisabledAsync(long id, bool disabled, CancellationToken cancellationToken);

    Task<bool> DeleteAsync(long id, CancellationToken cancellationToken);

    /// <summary>A page of users whose name contains <paramref name="nameContains"/>, and how many match in all.</summary>
    Task<(IReadOnlyList<UserAccount> Users, int Total)> ListAsync(string? nameContains, int offset, int limit, CancellationToken cancellationToken);
}
