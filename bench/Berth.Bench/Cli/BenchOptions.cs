using System.Text.RegularExpressions;
using Berth.Bench.Registry;

namespace Berth.Bench.Cli;

/// <summary>Everything the command line can set, already validated.</summary>
public sealed record BenchOptions
{
    public required CommandVerb Verb { get; init; }

    /// <summary>The registry to load (run only). Always a loopback address.</summary>
    public Uri? Url { get; init; }

    /// <summary>Command line that starts Berth, with {listen} and {data} placeholders (compare and compare-auth).</summary>
    public string? BerthCommand { get; init; }

    public string DistributionBinary { get; init; } = "docker-registry";

    /// <summary>Workers issuing iterations in parallel, as zb's -c.</summary>
    public int Concurrency { get; init; } = 4;

    /// <summary>Iterations per test; null keeps each test's own default.</summary>
    public int? Requests { get; init; }

    /// <summary>Selects tests by name (case-insensitive); null runs them all.</summary>
    public Regex? Tests { get; init; }

    /// <summary>Repository prefix every test pushes under, as zb's -r.</summary>
    public string Repository { get; init; } = "bench/zb";

    public OutputFormat Output { get; init; } = OutputFormat.Table;

    /// <summary>"user:password" sent as Basic credentials on every request.</summary>
    public string? Credentials { get; init; }

    /// <summary>How the timed iterations authenticate; setup always uses <see cref="Credentials"/> as Basic.</summary>
    public LoadAuth LoadAuth { get; init; } = LoadAuth.Basic;

    /// <summary>Comparison runs; the report takes the median of each figure.</summary>
    public int Runs { get; init; } = 1;

    /// <summary>PATCH size for chunked pushes; 0 streams the whole blob in one PATCH as zb and docker do.</summary>
    public int ChunkMiB { get; init; } = 10;

    /// <summary>Untimed iterations before each test, so neither side is measured while still warming up.</summary>
    public int Warmup { get; init; } = 2;

    /// <summary>Wall-clock cap per test; workers take no new iteration after it.</summary>
    public TimeSpan MaxTestDuration { get; init; } = TimeSpan.FromSeconds(180);

    /// <summary>Cap on one HTTP exchange, body included.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(120);

    /// <summary>Seeds the blob contents and the mixed tests' choices, so both registries get the same work.</summary>
    public ulong Seed { get; init; } = 1;

    /// <summary>Parent directory for the prepared blob files; the system temp directory when null.</summary>
    public string? WorkDirectory { get; init; }

    /// <summary>A shell command run after each test's setup and before its warm-up (to change the registry's state, such as a project's policy); a non-zero exit fails the test.</summary>
    public string? AfterSetup { get; init; }

    /// <summary>`scan`: the settings of the scanner benchmark.</summary>
    public Scanning.ScanBenchSettings Scan { get; init; } = new();
}
