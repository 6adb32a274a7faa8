namespace Berth.Bench.Servers;

/// <summary>
/// Berth started from the user's command line: {listen} becomes 127.0.0.1:PORT on a free port and
/// {data} a fresh empty directory, so every comparison starts from an empty registry.
/// </summary>
public static class BerthServer
{
    public static Task<ManagedRegistry> StartAsync(string commandTemplate, CancellationToken cancellationToken)
    {
        var scratch = Directory.CreateTempSubdirectory("berth-bench-berth-").FullName;
        var data = Directory.CreateDirectory(Path.Combine(scratch, "data")).FullName;
        var listen = $"127.0.0.1:{FreeLoopbackPort.Next()}";
        var command = commandTemplate
            .Replace("{listen}", listen, StringComparison.Ordinal)
            .Replace("{data}", data, StringComparison.Ordinal);
        return ManagedRegistry.StartAsync("Berth", command, new Uri($"http://{listen}/"), scratch, cancellationToken);
    }
}
