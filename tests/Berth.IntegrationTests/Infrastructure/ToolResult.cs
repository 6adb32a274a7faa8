namespace Berth.IntegrationTests.Infrastructure;

/// <summary>How an external command ended: its exit code and everything it printed.</summary>
public sealed record ToolResult(string CommandLine, int ExitCode, string Output, string Error)
{
    public bool Succeeded => ExitCode == 0;

    /// <summary>This result when the command exited with 0; otherwise fails with the command and its output.</summary>
    public ToolResult EnsureSucceeded() => Succeeded
        ? this
        : throw new InvalidOperationException($"'{CommandLine}' exited with {ExitCode}\n--- stdout:\n{Output}\n--- stderr:\n{Error}");

    public override string ToString() => $"'{CommandLine}' → {ExitCode}\n--- stdout:\n{Output}\n--- stderr:\n{Error}";
}
