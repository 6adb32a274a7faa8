namespace Berth.Access.Tokens;

/// <summary>The <c>Token</c> configuration section: who issues registry tokens, for which service, for how long.</summary>
public sealed class TokenOptions
{
    public const string Section = "Token";

    public string Issuer { get; set; } = "berth-token-issuer";

    /// <summary>The <c>service</c> of the challenge and the tokens' audience.</summary>
    public string Service { get; set; } = "berth-registry";

    /// <summary>How long a token is valid; Harbor's default is 30 minutes.</summary>
    public TimeSpan Lifetime { get; set; } = TimeSpan.FromMinutes(30);
}
