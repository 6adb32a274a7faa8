namespace Berth.Bench.Servers;

/// <summary>
/// CNCF Distribution (Debian's docker-registry 2.8) on a free loopback port with fresh filesystem
/// storage: the config from reference/tooling.md plus the in-memory blob descriptor cache that the
/// packaged config.yml enables, so the baseline is Distribution as it ships. With credentials it also
/// turns on htpasswd auth for that one user, Distribution's own way of requiring a login.
/// </summary>
public static class DistributionServer
{
    /// <param name="htpasswdCredentials">"user:password" to require as Basic on /v2; null serves anonymously.</param>
    public static async Task<ManagedRegistry> StartAsync(string binary, CancellationToken cancellationToken, string? htpasswdCredentials = null)
    {
        var scratch = Directory.CreateTempSubdirectory("berth-bench-distribution-").FullName;
        var data = Directory.CreateDirectory(Path.Combine(scratch, "data")).FullName;
        var port = FreeLoopbackPort.Next();
        var auth = string.Empty;
        if (htpasswdCredentials is not null)
        {
            var htpasswd = Path.Combine(scratch, "htpasswd");
            try
            {
                await HtpasswdFile.WriteAsync(htpasswd, htpasswdCredentials, cancellationToken);
            }
            catch
            {
                // No server owns the scratch directory yet: remove it here.
                Directory.Delete(scratch, recursive: true);
                throw;
            }

            auth = $"auth:\n  htpasswd:\n    realm: berth-bench\n    path: \"{htpasswd}\"";
        }

        var config = Path.Combine(scratch, "config.yml");
        await File.WriteAllTextAsync(config, $$"""
            version: 0.1
            log: {level: warn}
            storage:
              filesystem: {rootdirectory: "{{data}}"}
              delete: {enabled: true}
              cache: {blobdescriptor: inmemory}
            http: {addr: "127.0.0.1:{{port}}"}
            {{auth}}

            """, cancellationToken);
        var name = htpasswdCredentials is null ? "Distribution" : "Distribution htpasswd";
        var command = $"exec {ShellQuote.Word(binary)} serve {ShellQuote.Word(config)}";
        return await ManagedRegistry.StartAsync(name, command, new Uri($"http://127.0.0.1:{port}/"), scratch, cancellationToken);
    }
}
