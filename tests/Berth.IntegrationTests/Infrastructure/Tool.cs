using System.Diagnostics;

namespace Berth.IntegrationTests.Infrastructure;

/// <summary>
/// Runs an external program (skopeo, podman, a shell script) to completion with a deadline, capturing
/// what it prints, byte for byte, so a test can check it and a failing test can show it.
/// </summary>
public static class Tool
{
    public static async Task<ToolResult> RunAsync(string fileName, IEnumerable<string> arguments, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        // skopeo and podman find the test servers' credentials here, as after a `podman login`.
        start.Environment["REGISTRY_AUTH_FILE"] = RegistryAuthFile.Path;
        var commandLine = string.Join(' ', [fileName, .. start.ArgumentList]);

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start '{commandLine}'");
        // No tool we run reads input; a closed stdin keeps one that asks a question from hanging.
        process.StandardInput.Close();
        // Whole-stream reads keep the output exact (skopeo inspect --raw prints manifest bytes).
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();

        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            throw new TimeoutException($"'{commandLine}' did not finish within {timeout}\n--- stdout:\n{await output}\n--- stderr:\n{await error}");
        }
        return new ToolResult(commandLine, process.ExitCode, await output, await error);
    }
}
