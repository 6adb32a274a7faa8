using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Berth.IntegrationTests.Infrastructure;

namespace Berth.IntegrationTests.Access;

/// <summary>
/// Docker token auth on /v2 against the real server: the challenge, the token service, what a token
/// grants, and the tokens that must be refused.
/// </summary>
public sealed class TokenAuthTests(BerthServerFixture fixture) : IClassFixture<BerthServerFixture>
{
    private BerthServer Server => fixture.Server;

    [Fact]
    public async Task BaseEndpoint_Anonymous_IsChallengedToTheTokenService()
    {
        using var client = Server.CreateAnonymousClient();

        using var response = await client.GetAsync("v2/");

        await OciAssert.ErrorAsync(response, HttpStatusCode.Unauthorized, "UNAUTHORIZED");
        var challenge = response.Headers.WwwAuthenticate.Single();
        Assert.Equal("Bearer", challenge.Scheme);
        Assert.Contains($"realm=\"http://{Server.Host}/service/token\"", challenge.Parameter);
        Assert.Contains("service=\"berth-registry\"", challenge.Parameter);
    }

    [Fact]
    public async Task PrivateRepository_Anonymous_IsChallengedWithTheScopeItNeeds()
    {
        using var client = Server.CreateAnonymousClient();

        using var response = await client.GetAsync("v2/project/token/private/manifests/latest");

        await OciAssert.ErrorAsync(response, HttpStatusCode.Unauthorized, "UNAUTHORIZED");
        Assert.Contains("scope=\"repository:project/token/private:pull\"", response.Headers.WwwAuthenticate.Single().Parameter);
    }

    [Fact]
    public async Task Token_ForAdmin_GrantsWhatWasAskedAndWorksOnV2()
    {
        var token = await TokenAsync(Server.AdminAuthorization, "repository:project/token/app:pull,push");

        Assert.Equal(["pull", "push"], AccessActions(token, "project/token/app"));
        using var client = WithBearer(token);
        using var response = await client.PostAsync("v2/project/token/app/blobs/uploads/", null);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    [Fact]
    public async Task Token_ForAnonymousOnAPrivateProject_HoldsNoActionsAndIsChallengedOnV2()
    {
        var token = await TokenAsync(null, "repository:project/token/app:pull");

        Assert.Empty(AccessActions(token, "project/token/app"));
        using var client = WithBearer(token);
        using var response = await client.GetAsync("v2/project/token/app/tags/list");
        await OciAssert.ErrorAsync(response, HttpStatusCode.Unauthorized, "UNAUTHORIZED");
    }

    [Fact]
    public async Task TokenService_WrongPassword_Is401AndUnknownServiceIs400()
    {
        using var client = Server.CreateAnonymousClient();
        var wrong = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("admin:not-the-password"));

        using var badLogin = await Send(client, "service/token?service=berth-registry&scope=repository:project/x:pull", wrong);
        using var badService = await Send(client, "service/token?service=other&scope=repository:project/x:pull", Server.AdminAuthorization);
        using var nothingAsked = await client.GetAsync("service/token?service=berth-registry");

        Assert.Equal(HttpStatusCode.Unauthorized, badLogin.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badService.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, nothingAsked.StatusCode);
    }

    [Theory]
    [InlineData("alg-none")]
    [InlineData("bad-signature")]
    [InlineData("tampered-claims")]
    [InlineData("garbage")]
    public async Task ForgedOrDamagedToken_IsRefused(string forgery)
    {
        var token = await TokenAsync(Server.AdminAuthorization, "repository:project/token/app:pull,push");
        var parts = token.Split('.');
        var forged = forgery switch
        {
            "alg-none" => $"{Base64Url("{\"alg\":\"none\",\"typ\":\"JWT\"}")}.{parts[1]}.",
            "bad-signature" => $"{parts[0]}.{parts[1]}.{parts[2][..^4]}AAAA",
            "tampered-claims" => $"{parts[0]}.{Base64Url(Encoding.UTF8.GetString(Decode(parts[1])).Replace("project/token/app", "project/token/other"))}.{parts[2]}",
            _ => "not.a.token",
        };
        using var client = WithBearer(forged);

        using var response = await client.PostAsync("v2/project/token/app/blobs/uploads/", null);

        await OciAssert.ErrorAsync(response, HttpStatusCode.Unauthorized, "UNAUTHORIZED");
    }

    [Fact]
    public async Task PushToAProjectThatDoesNotExist_IsRefusedNamingIt()
    {
        using var client = Server.CreateClient();

        using var response = await client.PostAsync("v2/nosuchproject/app/blobs/uploads/", null);

        var error = await OciAssert.ErrorAsync(response, HttpStatusCode.NotFound, "NAME_UNKNOWN");
        Assert.Contains("'nosuchproject'", error.Message);
    }

    [Fact]
    public async Task PublicProject_AnonymousPullsAndListsButCannotPush()
    {
        await Server.EnsureProjectAsync("opensource", isPublic: true);
        var digest = await new RegistryHttp(Server.CreateClient()).PushBlobOrFailAsync("opensource/tool", TestContent.Random(1000, seed: 90));
        using var anonymous = Server.CreateAnonymousClient();

        using var pull = await anonymous.GetAsync($"v2/opensource/tool/blobs/{digest}");
        using var push = await anonymous.PostAsync("v2/opensource/tool/blobs/uploads/", null);
        using var catalog = await anonymous.GetAsync("v2/_catalog");

        Assert.Equal(HttpStatusCode.OK, pull.StatusCode);
        await OciAssert.ErrorAsync(push, HttpStatusCode.Unauthorized, "UNAUTHORIZED");
        var repositories = JsonDocument.Parse(await catalog.Content.ReadAsStringAsync()).RootElement.GetProperty("repositories")
            .EnumerateArray().Select(r => r.GetString()).ToList();
        Assert.Contains("opensource/tool", repositories);
        Assert.DoesNotContain(repositories, r => r!.StartsWith("project/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RequestId_IsEchoedOrCreated()
    {
        using var client = Server.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/v2.0/systeminfo");
        request.Headers.Add("X-Request-Id", "trace-me-42");

        using var echoed = await client.SendAsync(request);
        using var created = await client.GetAsync("v2/");

        Assert.Equal("trace-me-42", echoed.Headers.GetValues("X-Request-Id").Single());
        Assert.False(string.IsNullOrEmpty(created.Headers.GetValues("X-Request-Id").Single()));
    }

    private async Task<string> TokenAsync(string? authorization, string scope)
    {
        using var client = Server.CreateAnonymousClient();
        using var response = await Send(client, $"service/token?service=berth-registry&scope={Uri.EscapeDataString(scope)}", authorization);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        using var json = JsonDocument.Parse(body);
        Assert.True(json.RootElement.GetProperty("expires_in").GetInt32() > 0);
        return json.RootElement.GetProperty("token").GetString()!;
    }

    private static List<string> AccessActions(string token, string repository)
    {
        using var claims = JsonDocument.Parse(Decode(token.Split('.')[1]));
        return claims.RootElement.GetProperty("access").EnumerateArray()
            .Where(a => a.GetProperty("name").GetString() == repository)
            .SelectMany(a => a.GetProperty("actions").EnumerateArray().Select(x => x.GetString()!))
            .ToList();
    }

    private HttpClient WithBearer(string token)
    {
        var client = Server.CreateAnonymousClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static Task<HttpResponseMessage> Send(HttpClient client, string path, string? authorization)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (authorization is not null) request.Headers.TryAddWithoutValidation("Authorization", authorization);
        return client.SendAsync(request);
    }

    private static string Base64Url(string text) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(text)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[] Decode(string part)
    {
        var padded = part.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(padded.PadRight(padded.Length + (4 - padded.Length % 4) % 4, '='));
    }
}
