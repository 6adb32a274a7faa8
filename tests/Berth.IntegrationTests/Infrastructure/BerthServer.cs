using System.Diagnostics;
using System.Net;
using System.Text;

namespace Berth.IntegrationTests.Infrastructure;

/// <summary>
/// A real <c>berth serve</c> process on a free loopback port with its own data directory. It can be
/// stopped (as Ctrl-C does) and started again on the same data, to test what survives a restart.
/// </summary>
public sealed class BerthServer : IAsyncDisposable
{
    private readonly StringBuilder _log = new();
    private readonly IReadOnlyDictionary<string, string> _environment;
    private Process? _process;

    public string DataDirectory { get; }
    public int Port { get; }
    /// <summary><c>127.0.0.1:PORT</c>, as skopeo and podman want it.</summary>
    public string Host => $"127.0.0.1:{Port}";
    public Uri BaseAddress => new($"http://{Host}/");
    public string Log { get { lock (_log) return _log.ToString(); } }

    /// <summary>The first administrator, created from <c>BERTH_ADMIN_PASSWORD</c> on the first start.</summary>
    public const string AdminUsername = "admin";
    public string AdminPassword { get; } = $"Test-{Guid.NewGuid():N}";
    public string AdminAuthorization => "Basic " + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{AdminUsername}:{AdminPassword}"));

    /// <summary>Projects every test server has, so tests can push to <c>project/…</c> and <c>conformance/…</c>.</summary>
    public static readonly string[] StandardProjects = ["project", "conformance"];
    public int? ExitCode => _process is { HasExited: true } p ? p.ExitCode : null;

    private BerthServer(string dataDirectory, int port, IReadOnlyDictionary<string, string> environment)
    {
        DataDirectory = dataDirectory;
        Port = port;
        _environment = environment;
    }

    /// <summary>Starts a server on a fresh data directory; <paramref name="environment"/> adds BERTH__ settings.</summary>
    public static async Task<BerthServer> StartAsync(IReadOnlyDictionary<string, string>? environment = null)
    {
        // A port free when asked can be taken (by another test's client connection) before the server binds it:
        // then start again on another port, a few times.
        for (var attempt = 1; ; attempt++)
        {
            var data = Directory.CreateTempSubdirectory("berth-it-").FullName;
            var server = new BerthServer(data, LoopbackPort.Free(), environment ?? new Dictionary<string, string>());
            try
            {
                await server.StartAgainAsync();
                return server;
            }
            catch (InvalidOperationException) when (attempt < 3 && server.Log.Contains("the address is already in use"))
            {
                await server.DisposeAsync();
            }
        }
    }

    /// <summary>A client signed in as the administrator (Basic auth on every request).</summary>
    public HttpClient CreateClient()
    {
        var client = CreateAnonymousClient();
        client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", AdminAuthorization);
        return client;
    }

    public HttpClient CreateAnonymousClient() => new(new SocketsHttpHandler { UseProxy = false, AllowAutoRedirect = false })
    {
        BaseAddress = BaseAddress,
        Timeout = TimeSpan.FromMinutes(5),
    };

    /// <summary>Creates the project (as the administrator) unless it exists.</summary>
    public async Task EnsureProjectAsync(string name, bool isPublic = false)
    {
        using var client = CreateClient();
        using var response = await client.PostAsync("api/v2.0/projects", new StringContent(
            $$"""{"project_name":"{{name}}","public":{{(isPublic ? "true" : "false")}}}""", System.Text.Encoding.UTF8, "application/json"));
        if (response.StatusCode is not (HttpStatusCode.Created or HttpStatusCode.Conflict))
            throw new InvalidOperationException($"creating project {name} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>Starts the process (again) on the same port and data directory and waits until /v2/ answers.</summary>
    public async Task StartAgainAsync()
    {
        if (_process is { HasExited: false }) throw new InvalidOperationException("server is already running");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Berth.dll"));
        foreach (var arg in new[] { "serve", "--listen", Host, "--data", DataDirectory }) start.ArgumentList.Add(arg);
        start.Environment["BERTH_ADMIN_PASSWORD"] = AdminPassword;
        foreach (var (key, value) in _environment) start.Environment[key] = value;
        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;

        using var client = CreateClient();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                // Waiting again lets the output readers reach the end, so the log holds the server's last words.
                await process.WaitForExitAsync();
                throw new InvalidOperationException($"berth serve exited with {process.ExitCode}:\n{Log}");
            }
            try
            {
                using var response = await client.GetAsync("v2/");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    RegistryAuthFile.Add(Host, AdminUsername, AdminPassword);
                    foreach (var project in StandardProjects) await EnsureProjectAsync(project);
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"berth serve did not answer within 60 s:\n{Log}");
    }

    /// <summary>Stops the process with SIGINT, as Ctrl-C does, and waits for it to exit.</summary>
    public async Task StopAsync()
    {
        if (_process is not { HasExited: false } process) return;
        using (var kill = Process.Start("kill", ["-INT", process.Id.ToString()])) await kill.WaitForExitAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"berth serve did not stop within 30 s of SIGINT:\n{Log}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        _process?.Dispose();
        try { Directory.Delete(DataDirectory, recursive: true); } catch (IOException) { }
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_log) _log.AppendLine(line);
    }
}
