using System.Diagnostics;

namespace Berth.Bench.Running;

/// <summary>
/// The <c>--after-setup</c> command: run by <c>/bin/sh -c</c> between a test's setup and its warm-up, with the
/// test's name in <c>BENCH_TEST</c>, so a registry's state (a project's pull policy, a scan report) can be put in
/// place for the images the setup just pushed.
/// </summary>
public static class SetupHook
{
    /// <summary>Null when the command exited 0; otherwise what went wrong.</summary>
    public static async Task<string?> RunAsync(string command, string testName, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("/bin/sh") { UseShellExecute = false, RedirectStandardError = true };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(command);
        start.Environment["BENCH_TEST"] = testName;
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start /bin/sh");
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        return process.ExitCode == 0 ? null : $"--after-setup exited with {process.ExitCode}: {(await error).Trim()}";
    }
}
