namespace Berth.IntegrationTests.Infrastructure;

/// <summary>One server shared by a test class (xUnit class fixture); tests use distinct repository names.</summary>
public sealed class BerthServerFixture : IAsyncLifetime
{
    public BerthServer Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await BerthServer.StartAsync();

    public async Task DisposeAsync() => await Server.DisposeAsync();
}
