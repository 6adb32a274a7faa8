namespace Berth.Bench.Servers;

/// <summary>
/// CNCF Distribution (Debian's docker-registry 2.8) on a free loopback port with fresh filesystem
/// storage: the config from reference/tooling.md plus the in-memory blob descriptor cache that the
/// packaged config.yml enables, so the baseline is Distribution as it ships.
/// </summary>
public static class DistributionServer
{
    public static Task<ManagedRegistry> StartAsync(string binary, CancellationToken cancellationToken)
    {
        var scratch = Directory.CreateTempSubdirectory("berth-bench-distribution-").FullName;
        var data = Directory.CreateDirectory(Path.Combine(scratch, "data")).FullName;
        var port = FreeLoopbackPort.Next();
        var config = Path.Combine(scratch, "config.yml");
        File.WriteAllText(config, $$"""
            version: 0.1
            log: {level: warn}
            storage:
              filesystem: {rootdirectory: "{{data}}"}
              delete: {enabled: true}
              cache: {blobdescriptor: inmemory}
            http: {addr: "127.0.0.1:{{port}}"}

            """);
        var command = $"exec {ShellQuote.Word(binary)} serve {ShellQuote.Word(config)}";
        return ManagedRegistry.StartAsync("Distribution", command, new Uri($"http://127.0.0.1:{port}/"), scratch, cancellationToken);
    }
}
