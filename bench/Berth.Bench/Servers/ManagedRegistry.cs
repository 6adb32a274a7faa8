using System.Diagnostics;
using Berth.Bench.Registry;

namespace Berth.Bench.Servers;

/// <summary>
/// A registry process this tool started, with its scratch directory (data, config, log). Disposing it
/// kills the process tree it started — by its own id — and deletes the scratch directory.
/// </summary>
public sealed class ManagedRegistry : IAsyncDisposable
{
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan ProbeInterval = TimeSpan.FromMilliseconds(100);

    private readonly Process process;
    private readonly string scratchDirectory;
    private readonly string logPath;

    private ManagedRegistry(string name, Uri baseUri, Process process, string scratchDirectory, string logPath)
    {
        Name = name;
        BaseUri = baseUri;
        this.process = process;
        this.scratchDirectory = scratchDirectory;
        this.logPath = logPath;
    }

    public string Name { get; }

    public Uri BaseUri { get; }

    /// <summary>
    /// Runs <paramref name="shellCommand"/> under /bin/sh with stdin closed and output going to a log
    /// in the scratch directory, then waits until GET /v2/ answers.
    /// </summary>
    public static async Task<ManagedRegistry> StartAsync(
        string name,
        string shellCommand,
        Uri baseUri,
        string scratchDirectory,
        CancellationToken cancellationToken)
    {
        var logPath = Path.Combine(scratchDirectory, "server.log");
        var start = new ProcessStartInfo("/bin/sh")
        {
            UseShellExecute = false,
            WorkingDirectory = Environment.CurrentDirectory,
        };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add($"exec </dev/null >{ShellQuote.Word(logPath)} 2>&1\n{shellCommand}");
        var process = Process.Start(start) ?? throw new RegistryStartException($"{name}: could not start /bin/sh");
        var registry = new ManagedRegistry(name, baseUri, process, scratchDirectory, logPath);
        try
        {
            await registry.WaitUntilReadyAsync(cancellationToken);
            return registry;
        }
        catch
        {
            await registry.DisposeAsync();
            throw;
        }
    }

    /// <summary>The end of the server's log, for explaining failures.</summary>
    public string LogTail(int lines)
    {
        try
        {
            return string.Join(Environment.NewLine, File.ReadLines(logPath).TakeLast(lines));
        }
        catch (IOException)
        {
            return "(no log)";
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            try
            {
                await process.WaitForExitAsync(grace.Token);
            }
            catch (OperationCanceledException)
            {
                Console.Error.WriteLine($"[{Name}] process {process.Id} did not exit within 10 s of SIGKILL");
            }
        }

        process.Dispose();
        try
        {
            Directory.Delete(scratchDirectory, recursive: true);
        }
        catch (IOException e)
        {
            Console.Error.WriteLine($"[{Name}] could not delete {scratchDirectory}: {e.Message}");
        }
    }

    private async Task WaitUntilReadyAsync(CancellationToken cancellationToken)
    {
        using var http = LoopbackHttpClient.Create(1, credentials: null);
        var probe = new RegistryClient(http, BaseUri, TimeSpan.FromSeconds(2));
        var deadline = Stopwatch.GetTimestamp() + (long)(ReadyTimeout.TotalSeconds * Stopwatch.Frequency);
        string lastProblem = "no answer yet";
        while (Stopwatch.GetTimestamp() < deadline)
        {
            if (process.HasExited)
            {
                throw new RegistryStartException($"{Name} exited with code {process.ExitCode} before answering. Log:{Environment.NewLine}{LogTail(30)}");
            }

            var reply = await probe.PingAsync(cancellationToken);
            if (!reply.Failed)
            {
                return;
            }

            lastProblem = reply.Error;
            await Task.Delay(ProbeInterval, cancellationToken);
        }

        throw new RegistryStartException($"{Name} did not answer GET /v2/ within {ReadyTimeout.TotalSeconds:0} s ({lastProblem}). Log:{Environment.NewLine}{LogTail(30)}");
    }
}
