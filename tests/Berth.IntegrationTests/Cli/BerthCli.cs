using System.Diagnostics;
using Berth.IntegrationTests.Infrastructure;

namespace Berth.IntegrationTests.Cli;

/// <summary>
/// Runs the real <c>berth</c> executable (<c>dotnet Berth.dll …</c>, the build the tests reference) as a
/// user would from a shell, stdin closed and stdout/stderr captured, so its exit code and output are checked.
/// </summary>
public static class BerthCli
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(5);

    public static async Task<ToolResult> RunAsync(IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null, TimeSpan? timeout = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Berth.dll"));
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        // A developer's own BERTH__ settings must not change what the tests see.
        foreach (var key in start.Environment.Keys.Where(key => key.StartsWith("BERTH__", StringComparison.Ordinal)).ToList()) start.Environment.Remove(key);
        foreach (var (key, value) in environment ?? new Dictionary<string, string>()) start.Environment[key] = value;
        var commandLine = string.Join(' ', ["berth", .. start.ArgumentList.Skip(1)]);

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start '{commandLine}'");
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        var limit = timeout ?? DefaultTimeout;
        using var deadline = new CancellationTokenSource(limit);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            throw new TimeoutException($"'{commandLine}' did not finish within {limit}\n--- stdout:\n{await output}\n--- stderr:\n{await error}");
        }
        return new ToolResult(commandLine, process.ExitCode, await output, await error);
    }
}
