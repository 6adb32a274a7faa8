using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Berth.Access.Tokens;

namespace Berth.Access.Tests.Tokens;

public sealed class TokenServiceTests(SigningKeyFixture fixture) : IClassFixture<SigningKeyFixture>
{
    private static readonly TimeSpan Leeway = TimeSpan.FromSeconds(30);

    private readonly ManualTimeProvider _clock = new();

    private TokenService Service(TokenOptions? options = null) => new(fixture.Key, options ?? new TokenOptions(), _clock);

    private static IReadOnlyList<AccessEntry> PullPush(string name = "team/app") => [new AccessEntry("repository", name, ["pull", "push"])];

    [Fact]
    public void Issue_ThenValidate_ReturnsSubjectAccessAndExpiry()
    {
        var service = Service();
        var issued = service.Issue("alice", [.. PullPush(), new AccessEntry("registry", "catalog", ["*"])]);

        var token = service.Validate(issued.Token, out var reason);

        Assert.NotNull(token);
        Assert.Equal("", reason);
        Assert.Equal("alice", token.Subject);
        Assert.Equal(ManualTimeProvider.DefaultStart + TimeSpan.FromMinutes(30), token.ExpiresAt);
        Assert.Equal(["repository:team/app:pull,push", "registry:catalog:*"], token.Access.Select(a => a.ToScope()));
        Assert.True(token.Grants("repository", "team/app", "push"));
    }

    [Fact]
    public void Issue_EmptyAccess_ValidatesWithNoAccess()
    {
        var service = Service();

        var token = service.Validate(service.Issue("anonymous", []).Token, out _);

        Assert.NotNull(token);
        Assert.Empty(token.Access);
    }

    [Fact]
    public void Issue_ReportsTimesOfTheLifetime()
    {
        var issued = Service(new TokenOptions { Lifetime = TimeSpan.FromMinutes(5) }).Issue("alice", PullPush());

        Assert.Equal(ManualTimeProvider.DefaultStart, issued.IssuedAt);
        Assert.Equal(ManualTimeProvider.DefaultStart.AddMinutes(5), issued.ExpiresAt);
        Assert.Equal(300, issued.ExpiresInSeconds);
    }

    [Fact]
    public void Issue_WritesDockersHeaderAndClaims()
    {
        var parts = Service().Issue("alice", PullPush()).Token.Split('.');

        using var header = JsonDocument.Parse(ForgedToken.Decode(parts[0]));
        using var payload = JsonDocument.Parse(ForgedToken.Decode(parts[1]));
        var claims = payload.RootElement;
        Assert.Equal("RS256", header.RootElement.GetProperty("alg").GetString());
        Assert.Equal(fixture.Key.KeyId, header.RootElement.GetProperty("kid").GetString());
        Assert.Equal("berth-token-issuer", claims.GetProperty("iss").GetString());
        Assert.Equal("alice", claims.GetProperty("sub").GetString());
        Assert.Equal("berth-registry", claims.GetProperty("aud").GetString());
        var now = ManualTimeProvider.DefaultStart.ToUnixTimeSeconds();
        Assert.Equal(now, claims.GetProperty("iat").GetInt64());
        Assert.Equal(now, claims.GetProperty("nbf").GetInt64());
        Assert.Equal(now + 1800, claims.GetProperty("exp").GetInt64());
        Assert.Matches("^[0-9a-f]{32}$", claims.GetProperty("jti").GetString());
        var access = Assert.Single(claims.GetProperty("access").EnumerateArray());
        Assert.Equal("repository", access.GetProperty("type").GetString());
        Assert.Equal("team/app", access.GetProperty("name").GetString());
        Assert.Equal(["pull", "push"], access.GetProperty("actions").EnumerateArray().Select(a => a.GetString()));
    }

    [Fact]
    public void Issue_TwoTokens_HaveDifferentIds()
    {
        var service = Service();

        string Jti(IssuedToken t)
        {
            using var payload = JsonDocument.Parse(ForgedToken.Decode(t.Token.Split('.')[1]));
            return payload.RootElement.GetProperty("jti").GetString()!;
        }

        Assert.NotEqual(Jti(service.Issue("alice", [])), Jti(service.Issue("alice", [])));
    }

    [Fact]
    public void Validate_AudienceArrayContainingTheService_IsAccepted()
    {
        var forged = ForgedToken.SignedRs256(fixture.Key.Rsa, """{"alg":"RS256","typ":"JWT"}""",
            ForgedToken.Claims(_clock.GetUtcNow(), audienceJson: """["other","berth-registry"]"""));

        var token = Service().Validate(forged, out _);

        Assert.NotNull(token);
        Assert.Equal("mallory", token.Subject);
    }

    [Theory]
    [InlineData("""["other"]""")]
    [InlineData("[]")]
    [InlineData("\"berth-registry-2\"")]
    [InlineData("42")]
    [InlineData("null")]
    public void Validate_AudienceWithoutTheService_IsRefused(string audienceJson)
    {
        var forged = ForgedToken.SignedRs256(fixture.Key.Rsa, """{"alg":"RS256"}""", ForgedToken.Claims(_clock.GetUtcNow(), audienceJson: audienceJson));

        AssertRefused(Service(), forged);
    }

    [Fact]
    public void Validate_AlgNone_IsRefused()
    {
        var forged = ForgedToken.Unsigned("""{"alg":"none","typ":"JWT"}""", ForgedToken.Claims(_clock.GetUtcNow()));

        AssertRefused(Service(), forged);
    }

    [Theory]
    [InlineData("""{"alg":"rs256"}""")]
    [InlineData("""{"alg":"RS512"}""")]
    [InlineData("""{"alg":"PS256"}""")]
    [InlineData("""{"alg":null}""")]
    [InlineData("""{"typ":"JWT"}""")]
    public void Validate_ValidRs256SignatureUnderAnotherAlgName_IsRefused(string header)
    {
        var forged = ForgedToken.SignedRs256(fixture.Key.Rsa, header, ForgedToken.Claims(_clock.GetUtcNow()));

        AssertRefused(Service(), forged);
    }

    [Fact]
    public void Validate_Rs256HeaderWithEmptySignature_IsRefused()
    {
        var forged = ForgedToken.Unsigned("""{"alg":"RS256"}""", ForgedToken.Claims(_clock.GetUtcNow()));

        AssertRefused(Service(), forged);
    }

    public static TheoryData<string> PublicKeyEncodings() => ["pem", "der"];

    /// <summary>Key confusion: HS256 keyed with the public key, which anyone can know.</summary>
    [Theory]
    [MemberData(nameof(PublicKeyEncodings))]
    public void Validate_Hs256KeyedWithThePublicKey_IsRefused(string encoding)
    {
        var publicKey = encoding == "pem"
            ? Encoding.ASCII.GetBytes(fixture.Key.Rsa.ExportSubjectPublicKeyInfoPem())
            : fixture.Key.Rsa.ExportSubjectPublicKeyInfo();
        var forged = ForgedToken.SignedHs256(publicKey, """{"alg":"HS256","typ":"JWT"}""", ForgedToken.Claims(_clock.GetUtcNow()));

        AssertRefused(Service(), forged);
    }

    [Fact]
    public void Validate_SignedWithAnotherRsaKey_IsRefused()
    {
        using var other = RSA.Create(2048);
        var forged = ForgedToken.SignedRs256(other, $$"""{"alg":"RS256","kid":"{{fixture.Key.KeyId}}"}""", ForgedToken.Claims(_clock.GetUtcNow()));

        AssertRefused(Service(), forged);
    }

    [Fact]
    public void Validate_TamperedPayload_IsRefused()
    {
        var parts = Service().Issue("alice", PullPush()).Token.Split('.');
        var payload = Encoding.UTF8.GetString(ForgedToken.Decode(parts[1])).Replace("\"alice\"", "\"admin\"", StringComparison.Ordinal);
        Assert.Contains("\"admin\"", payload);

        AssertRefused(Service(), $"{parts[0]}.{ForgedToken.Encode(payload)}.{parts[2]}");
    }

    [Fact]
    public void Validate_TamperedHeader_IsRefused()
    {
        var parts = Service().Issue("alice", PullPush()).Token.Split('.');
        var header = ForgedToken.Encode("""{"typ":"JWT","alg":"RS256","kid":"x"}""");

        AssertRefused(Service(), $"{header}.{parts[1]}.{parts[2]}");
    }

    [Fact]
    public void Validate_OtherAudience_IsRefused()
    {
        var token = Service(new TokenOptions { Service = "other-registry" }).Issue("alice", PullPush()).Token;

        AssertRefused(Service(), token);
    }

    [Fact]
    public void Validate_OtherIssuer_IsRefused()
    {
        var token = Service(new TokenOptions { Issuer = "someone-else" }).Issue("alice", PullPush()).Token;

        AssertRefused(Service(), token);
    }

    [Fact]
    public void Validate_JustInsideLifetimePlusLeeway_IsAccepted()
    {
        var service = Service();
        var token = service.Issue("alice", PullPush()).Token;

        _clock.Advance(service.Options.Lifetime + Leeway);

        Assert.NotNull(service.Validate(token, out _));
    }

    [Fact]
    public void Validate_PastLifetimePlusLeeway_IsRefused()
    {
        var service = Service();
        var token = service.Issue("alice", PullPush()).Token;

        _clock.Advance(service.Options.Lifetime + Leeway + TimeSpan.FromSeconds(1));

        AssertRefused(service, token);
    }

    [Fact]
    public void Validate_NotBeforeInTheFuture_IsRefused()
    {
        var service = Service();
        var token = service.Issue("alice", PullPush()).Token;

        _clock.Advance(-(Leeway + TimeSpan.FromSeconds(1)));

        AssertRefused(service, token);
    }

    [Fact]
    public void Validate_NotBeforeWithinLeeway_IsAccepted()
    {
        var service = Service();
        var token = service.Issue("alice", PullPush()).Token;

        _clock.Advance(-Leeway);

        Assert.NotNull(service.Validate(token, out _));
    }

    [Theory]
    [InlineData("""{"iss":"berth-token-issuer","aud":"berth-registry","sub":"x"}""")]
    [InlineData("""{"iss":"berth-token-issuer","aud":"berth-registry","sub":"x","exp":"2099-01-01"}""")]
    [InlineData("""{"iss":"berth-token-issuer","aud":"berth-registry","sub":"x","exp":1.5e12}""")]
    [InlineData("""{"iss":"berth-token-issuer","aud":"berth-registry","sub":"x","exp":999999999999999}""")]
    [InlineData("""{"iss":"berth-token-issuer","aud":"berth-registry","sub":"x","exp":-999999999999999}""")]
    [InlineData("""{"iss":"berth-token-issuer","aud":"berth-registry","sub":"x","exp":4102444800,"nbf":999999999999999}""")]
    [InlineData("""{"iss":"berth-token-issuer","aud":"berth-registry","sub":"x","exp":4102444800,"nbf":"now"}""")]
    [InlineData("""{"aud":"berth-registry","sub":"x","exp":4102444800}""")]
    [InlineData("""[]""")]
    [InlineData("""null""")]
    [InlineData("""not json""")]
    public void Validate_SignedButWithoutUsableClaims_IsRefused(string payload)
    {
        var forged = ForgedToken.SignedRs256(fixture.Key.Rsa, """{"alg":"RS256"}""", payload);

        AssertRefused(Service(), forged);
    }

    [Fact]
    public void Validate_SignedAccessEntriesThatAreNotObjects_GrantNothing()
    {
        var payload = ForgedToken.Claims(_clock.GetUtcNow()).Replace(
            "\"access\":[", "\"access\":[\"repository:team/app:push\",null,", StringComparison.Ordinal);
        var forged = ForgedToken.SignedRs256(fixture.Key.Rsa, """{"alg":"RS256"}""", payload);

        var token = Service().Validate(forged, out _);

        Assert.NotNull(token);
        var entry = Assert.Single(token.Access);
        Assert.Equal("repository:team/app:pull,push,delete", entry.ToScope());
    }

    [Theory]
    [InlineData("")]
    [InlineData(".")]
    [InlineData("..")]
    [InlineData("...")]
    [InlineData("garbage")]
    [InlineData("a.b.c")]
    [InlineData("!!!.???.***")]
    [InlineData("e30.e30")]
    [InlineData("e30.e30.")]
    [InlineData("W10.e30.")]
    [InlineData("bnVsbA.e30.")]
    [InlineData("MQ.e30.")]
    [InlineData("Ig.e30.")]
    [InlineData("e30.e30.e30.e30")]
    [InlineData("eyJhbGciOiJSUzI1NiJ9.e30.AAAA")]
    [InlineData("Bearer eyJhbGciOiJSUzI1NiJ9.e30.AAAA")]
    public void Validate_Garbage_IsRefusedNotThrown(string token) => AssertRefused(Service(), token);

    [Fact]
    public void Validate_TwoPartToken_IsRefused()
    {
        var parts = Service().Issue("alice", PullPush()).Token.Split('.');

        AssertRefused(Service(), $"{parts[0]}.{parts[1]}");
    }

    private static void AssertRefused(TokenService service, string token)
    {
        var result = service.Validate(token, out var reason);

        Assert.Null(result);
        Assert.False(string.IsNullOrWhiteSpace(reason));
    }
}
