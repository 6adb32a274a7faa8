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

    [Fact]
    public async Task Serve_OnAnAddressInUse_ExitsWithAMessageNamingIt()
    {
        await using var server = await BerthServer.StartAsync();
        var data = Directory.CreateTempSubdirectory("berth-port-in-use-").FullName;
        try
        {
            var second = await Tool.RunAsync("dotnet",
                [Path.Combine(AppContext.BaseDirectory, "Berth.dll"), "serve", "--listen", server.Host, "--data", data],
                TimeSpan.FromSeconds(60));

            Assert.Equal(1, second.ExitCode);
            Assert.Contains($"cannot listen on {server.Host}: the address is already in use", second.Error);
            Assert.DoesNotContain("Unhandled exception", second.Error);
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }
}
