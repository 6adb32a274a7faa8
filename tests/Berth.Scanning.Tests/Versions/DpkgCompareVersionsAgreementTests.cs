using System.Diagnostics;
using Berth.Scanning.Versions;

namespace Berth.Scanning.Tests.Versions;

/// <summary>
/// The dpkg scheme must agree with the real <c>dpkg --compare-versions</c> on at least 10,000 generated pairs.
/// One <c>sh</c> process walks a file of pairs and asks dpkg about each (one or two calls per pair), so the test
/// costs one shell, not 10,000 test-side process starts.
/// </summary>
public sealed class DpkgCompareVersionsAgreementTests
{
    private const int PairCount = 12_000;

    // Exit status 0/1 answers the question; anything else (bad syntax) is reported as an error line.
    private const string Script = """
        while read -r a b; do
          dpkg --compare-versions "$a" lt "$b"; s=$?
          if [ $s -eq 0 ]; then echo "<"; continue; fi
          if [ $s -ne 1 ]; then echo "error $s"; continue; fi
          dpkg --compare-versions "$a" eq "$b"; s=$?
          if [ $s -eq 0 ]; then echo "="; elif [ $s -eq 1 ]; then echo ">"; else echo "error $s"; fi
        done < "$1"
        """;

    [Fact]
    public async Task AgreesWithDpkgOnTwelveThousandGeneratedPairs()
    {
        var dpkg = FindOnPath("dpkg");
        Assert.True(dpkg is not null, "dpkg was not found on PATH: this test compares against the real `dpkg --compare-versions` (Debian's dpkg package; test.sh installs it).");

        var generator = new DpkgVersionGenerator(seed: 20260821, RealVersions());
        var pairs = generator.Pairs(PairCount).ToList();
        var scheme = new DpkgVersionScheme();
        var malformed = pairs.SelectMany(p => new[] { p.Left, p.Right })
            .Where(v => !DpkgVersionGenerator.IsWellFormed(v) || !scheme.IsValid(v))
            .Distinct()
            .ToList();
        Assert.True(malformed.Count == 0, "generated versions that are not well-formed or not valid: " + string.Join(", ", malformed.Take(20)));

        var answers = await AskDpkgAsync(pairs, CancellationToken.None);
        Assert.Equal(pairs.Count, answers.Count);

        var disagreements = new List<string>();
        var tally = new Dictionary<string, int>();
        for (var i = 0; i < pairs.Count; i++)
        {
            var (left, right) = pairs[i];
            var ours = scheme.Compare(left, right) switch { < 0 => "<", 0 => "=", _ => ">" };
            tally[answers[i]] = tally.GetValueOrDefault(answers[i]) + 1;
            if (ours != answers[i]) disagreements.Add($"{left} {answers[i]} {right} per dpkg, but ours says {ours}");
        }
        Assert.True(disagreements.Count == 0, $"{disagreements.Count} of {pairs.Count} pairs disagree; first ones:\n" + string.Join("\n", disagreements.Take(25)));

        // The generator must exercise all three outcomes in quantity, or agreement would prove little.
        Assert.True(tally.GetValueOrDefault("<") > 1000 && tally.GetValueOrDefault(">") > 1000 && tally.GetValueOrDefault("=") > 1000,
            "outcome tally " + string.Join(", ", tally.Select(t => $"{t.Key}: {t.Value}")));
    }

    /// <summary>Every Version field of the real dpkg status files in testdata.</summary>
    private static IReadOnlyList<string> RealVersions()
    {
        var versions = Directory.GetFiles(TestData.Path("packages", "dpkg"), "*", SearchOption.AllDirectories)
            .SelectMany(File.ReadLines)
            .Where(line => line.StartsWith("Version: ", StringComparison.Ordinal))
            .Select(line => line["Version: ".Length..].Trim())
            .Distinct()
            .ToList();
        Assert.True(versions.Count > 50, $"only {versions.Count} real versions found");
        return versions;
    }

    private static async Task<IReadOnlyList<string>> AskDpkgAsync(IReadOnlyList<(string Left, string Right)> pairs, CancellationToken cancellationToken)
    {
        var directory = Directory.CreateTempSubdirectory("berth-dpkg-");
        try
        {
            var pairsPath = Path.Combine(directory.FullName, "pairs");
            var scriptPath = Path.Combine(directory.FullName, "compare.sh");
            await File.WriteAllLinesAsync(pairsPath, pairs.Select(p => p.Left + " " + p.Right), cancellationToken);
            await File.WriteAllTextAsync(scriptPath, Script + "\n", cancellationToken);

            var start = new ProcessStartInfo("sh", [scriptPath, pairsPath])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            start.Environment["LC_ALL"] = "C";
            using var process = Process.Start(start) ?? throw new InvalidOperationException("sh did not start");
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            // A safety net against a hung shell, not a performance assertion.
            timeout.CancelAfter(TimeSpan.FromMinutes(10));
            var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
            var errors = process.StandardError.ReadToEndAsync(timeout.Token);
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw;
            }
            var lines = (await output).Split('\n', StringSplitOptions.RemoveEmptyEntries);
            var stderr = await errors;
            Assert.True(process.ExitCode == 0, $"sh exited with {process.ExitCode}: {stderr}");
            Assert.DoesNotContain(lines, l => l.StartsWith("error", StringComparison.Ordinal));
            return lines;
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private static string? FindOnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, program))
            .FirstOrDefault(File.Exists);
}
