using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Berth.IntegrationTests.Infrastructure;

namespace Berth.IntegrationTests.Access;

/// <summary>A disabled user's credentials stop working on /v2, /api and the token service.</summary>
public sealed class DisabledUserTests
{
    [Fact]
    public async Task DisabledUser_IsRefusedEverywhereAfterARestart()
    {
        await using var server = await BerthServer.StartAsync();
        var database = new ServerDatabase(server);
        await database.AddUserAsync("erin", "Erin-Pass-2026");
        using var client = server.CreateAnonymousClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("erin:Erin-Pass-2026")));
        using (var before = await client.GetAsync("v2/")) Assert.Equal(HttpStatusCode.OK, before.StatusCode);

        await database.DisableUserAsync("erin");
        // Signed-in checks are remembered for a minute within a process; a restart starts clean.
        await server.StopAsync();
        await server.StartAgainAsync();

        using var v2 = await client.GetAsync("v2/");
        using var api = await client.GetAsync("api/v2.0/users/current");
        using var token = await client.GetAsync("service/token?service=berth-registry&scope=repository:project/x:pull");
        Assert.Equal(HttpStatusCode.Unauthorized, v2.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, token.StatusCode);
    }
}
