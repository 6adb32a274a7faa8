using System.Collections.Concurrent;
using Berth.Access.Identity;
using Berth.Access.Tokens;

namespace Berth.Access.Authentication;

/// <summary>
/// Turns an <c>Authorization</c> header (Basic or Bearer, or none) into an <see cref="Authenticated"/> caller.
/// A client sends the same token with every request of a pull, so verified tokens are remembered until
/// they expire instead of checking the RSA signature each time.
/// </summary>
public sealed class RequestAuthenticator(CredentialVerifier credentials, TokenService tokens, TimeProvider time)
{
    private const int MaxRememberedTokens = 10_000;
    private readonly ConcurrentDictionary<string, RegistryToken> _verifiedTokens = new();

    /// <param name="authorization">The header's value, or null when there is none.</param>
    /// <param name="client">The client's address, for throttling failed logins.</param>
    public async Task<Authenticated> AuthenticateAsync(string? authorization, string client, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(authorization)) return Authenticated.Anonymous;

        const string bearer = "Bearer ";
        if (authorization.StartsWith(bearer, StringComparison.OrdinalIgnoreCase))
        {
            var token = Validate(authorization[bearer.Length..].Trim(), out var reason);
            if (token is null) return new Authenticated(Principal.Anonymous, null, reason);
            var kind = token.Subject.StartsWith(CredentialVerifier.RobotPrefix, StringComparison.Ordinal) ? PrincipalKind.Robot : PrincipalKind.User;
            var principal = token.Subject.Length == 0 ? Principal.Anonymous : new Principal(kind, 0, token.Subject, false, []);
            return new Authenticated(principal, token, null);
        }

        if (!BasicCredentials.TryParse(authorization, out var basic))
            return new Authenticated(Principal.Anonymous, null, "the Authorization header is neither Basic nor Bearer");
        var verified = await credentials.VerifyAsync(basic, client, cancellationToken);
        // One message for every cause, so a caller cannot learn which users exist.
        return verified is null
            ? new Authenticated(Principal.Anonymous, null, "invalid username or password")
            : new Authenticated(verified, null, null);
    }

    private RegistryToken? Validate(string text, out string reason)
    {
        reason = "";
        if (_verifiedTokens.TryGetValue(text, out var known))
        {
            if (time.GetUtcNow() <= known.ExpiresAt) return known;
            _verifiedTokens.TryRemove(text, out _);
        }
        var token = tokens.Validate(text, out reason);
        if (token is null) return null;
        if (_verifiedTokens.Count >= MaxRememberedTokens) _verifiedTokens.Clear();
        _verifiedTokens[text] = token;
        return token;
    }
}
