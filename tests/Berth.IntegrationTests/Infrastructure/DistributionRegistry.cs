using System.Diagnostics;
using System.Net;
using System.Text;

namespace Berth.IntegrationTests.Infrastructure;

/// <summary>
/// CNCF Distribution (Debian's <c>docker-registry</c> 2.8) on a free loopback port with its own storage,
/// optionally as a pull-through cache in front of another registry.
/// </summary>
public sealed class DistributionRegistry : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _log;

    public string Directory { get; }
    public int Port { get; }
    public string Host => $"127.0.0.1:{Port}";
    public string Log { get { lock (_log) return _log.ToString(); } }

    /// <summary>Where Distribution's filesystem driver keeps a blob it holds (or caches, in proxy mode).</summary>
    public string CachedBlobPath(string digest)
    {
        var hex = ContentDigest.Hex(digest);
        return Path.Combine(Directory, "data", "docker", "registry", "v2", "blobs", "sha256", hex[..2], hex, "data");
    }

    private DistributionRegistry(Process process, StringBuilder log, string directory, int port)
    {
        _process = process;
        _log = log;
        Directory = directory;
        Port = port;
    }

    /// <summary>Starts a registry that caches what it serves from <paramref name="remoteUrl"/> (proxy mode).</summary>
    /// <remarks>It signs in to the remote with <paramref name="username"/> and <paramref name="password"/>, through its token service.</remarks>
    public static async Task<DistributionRegistry> StartPullThroughAsync(string remoteUrl, string username, string password)
    {
        var directory = System.IO.Directory.CreateTempSubdirectory("berth-it-distribution-").FullName;
        var port = LoopbackPort.Free();
        var config = Path.Combine(directory, "config.yml");
        await File.WriteAllTextAsync(config, $$"""
            version: 0.1
            log: {level: info}
            storage:
              filesystem: {rootdirectory: {{Path.Combine(directory, "data")}}}
              delete: {enabled: true}
            http: {addr: 127.0.0.1:{{port}}}
            proxy: {remoteurl: {{remoteUrl}}, username: {{username}}, password: {{password}}}
            """);

        var start = new ProcessStartInfo("docker-registry") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("serve");
        start.ArgumentList.Add(config);
        var log = new StringBuilder();
        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(log, e.Data);
        process.ErrorDataReceived += (_, e) => Append(log, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var registry = new DistributionRegistry(process, log, directory, port);
        try
        {
            await registry.WaitUntilServingAsync();
        }
        catch
        {
            await registry.DisposeAsync();
            throw;
        }
        return registry;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        try { System.IO.Directory.Delete(Directory, recursive: true); } catch (IOException) { }
    }

    private async Task WaitUntilServingAsync()
    {
        using var client = new HttpClient(new SocketsHttpHandler { UseProxy = false });
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited) throw new InvalidOperationException($"docker-registry exited with {_process.ExitCode}:\n{Log}");
            try
            {
                using var response = await client.GetAsync($"http://{Host}/v2/");
                if (response.StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException)
            {
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"docker-registry did not answer within 30 s:\n{Log}");
    }

    private static void Append(StringBuilder log, string? line)
    {
        if (line is null) return;
        lock (log) log.AppendLine(line);
    }
}
