using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Berth.Access.Identity;
using Berth.Access.Passwords;
using Berth.Access.Robots;
using Berth.Access.Roles;
using Berth.Access.Throttling;
using Berth.Metadata.Access;

namespace Berth.Access.Authentication;

/// <summary>
/// Checks a username and password — a local user's, or a robot's name (<c>robot$…</c>) and secret — and
/// returns the principal. Password hashes are slow on purpose, so a successful check is remembered for a
/// short while under a keyed hash of the credentials (never the password itself); a password change,
/// disable or delete forgets it at once.
/// </summary>
public sealed class CredentialVerifier(IUserStore users, IRobotStore robots, LoginThrottle throttle, TimeProvider time)
{
    public const string RobotPrefix = "robot$";

    private static readonly TimeSpan CacheLifetime = TimeSpan.FromMinutes(1);
    private readonly byte[] _cacheKey = RandomNumberGenerator.GetBytes(32);
    private readonly ConcurrentDictionary<string, CachedPrincipal> _verified = new();

    // Bumped by every Forget: a check that started before a password change must not be remembered after it.
    private long _generation;

    /// <summary>The principal, or null when the credentials are wrong, the account unusable, or the client locked out.</summary>
    public async Task<Principal?> VerifyAsync(BasicCredentials credentials, string client, CancellationToken cancellationToken)
    {
        var key = CacheKey(credentials);
        if (_verified.TryGetValue(key, out var cached) && cached.ValidUntil > time.GetUtcNow()) return cached.Principal;
        if (throttle.IsLockedOut(client)) return null;
        var generation = Interlocked.Read(ref _generation);

        var principal = credentials.Username.StartsWith(RobotPrefix, StringComparison.Ordinal)
            ? await VerifyRobotAsync(credentials, cancellationToken)
            : await VerifyUserAsync(credentials, cancellationToken);
        if (principal is null)
        {
            throttle.RecordFailure(client);
            return null;
        }
        throttle.RecordSuccess(client);
        if (Interlocked.Read(ref _generation) == generation)
            _verified[key] = new CachedPrincipal(principal, time.GetUtcNow() + CacheLifetime);
        return principal;
    }

    /// <summary>Forgets remembered checks of this account: call after its password, secret or state changes.</summary>
    public void Forget(string username)
    {
        Interlocked.Increment(ref _generation);
        foreach (var (key, entry) in _verified)
        {
            if (entry.Principal.Name == username) _verified.TryRemove(key, out _);
        }
    }

    private async Task<Principal?> VerifyUserAsync(BasicCredentials credentials, CancellationToken cancellationToken)
    {
        var user = await users.FindAsync(credentials.Username, cancellationToken);
        if (user is null)
        {
            // Spend the same time as a real check, so response times do not reveal which users exist.
            PasswordHasher.Verify(credentials.Password, DummyHash.Value);
            return null;
        }
        if (!PasswordHasher.Verify(credentials.Password, user.PasswordHash) || user.Disabled) return null;
        return Principal.User(user.Id, user.Username, user.SysAdmin);
    }

    private async Task<Principal?> VerifyRobotAsync(BasicCredentials credentials, CancellationToken cancellationToken)
    {
        var robot = await robots.FindAsync(credentials.Username, cancellationToken);
        if (robot is null || robot.Disabled || robot.IsExpired(time.GetUtcNow())) return null;
        if (!RobotSecretHasher.Verify(credentials.Password, robot.SecretHash)) return null;
        return Principal.Robot(robot.Id, robot.Name, RobotPermissions.Parse(robot.PermissionsJson));
    }

    private string CacheKey(BasicCredentials credentials) =>
        Convert.ToBase64String(HMACSHA256.HashData(_cacheKey, Encoding.UTF8.GetBytes($"{credentials.Username}\n{credentials.Password}")));

    private static readonly Lazy<string> DummyHash = new(() => PasswordHasher.Hash(Convert.ToBase64String(RandomNumberGenerator.GetBytes(16))));

    private sealed record CachedPrincipal(Principal Principal, DateTimeOffset ValidUntil);
}
