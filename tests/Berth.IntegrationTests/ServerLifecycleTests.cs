using System.Net;
using Berth.IntegrationTests.Infrastructure;

namespace Berth.IntegrationTests;

public sealed class ServerLifecycleTests
{
    [Fact]
    public async Task Serve_AnswersBaseEndpoint_AndStopsCleanlyOnSigint()
    {
        await using var server = await BerthServer.StartAsync();
        using var client = server.CreateClient();

        using var response = await client.GetAsync("v2/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("registry/2.0", response.Headers.GetValues("Docker-Distribution-API-Version").Single());
        Assert.Contains($"listening on http://{server.Host}", server.Log);
        Assert.True(File.Exists(Path.Combine(server.DataDirectory, "berth.db")));

        await server.StopAsync();
        Assert.Equal(0, server.ExitCode);
    }
}
