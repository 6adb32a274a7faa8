namespace Berth.Access.Tokens;

/// <summary>A signed token with the times a token response reports.</summary>
public sealed record IssuedToken(string Token, DateTimeOffset IssuedAt, DateTimeOffset ExpiresAt)
{
    public int ExpiresInSeconds => (int)(ExpiresAt - IssuedAt).TotalSeconds;
}
