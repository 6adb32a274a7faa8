using System.Diagnostics;
using Berth.Bench.Reporting;
using Berth.Scanning.Images;
using Berth.Scanning.Reports;

namespace Berth.Bench.Scanning;

/// <summary>
/// A rescan of an image whose layers are all in the cache: read the layout's index, manifest and config, take every
/// layer's analysis from the cache, merge, and match against the advisory store — the whole <see cref="ImageScanner.ScanAsync"/>.
/// </summary>
public static class CachedRescan
{
    /// <summary>At least this many timed rescans: each is short, so a few more cost nothing and steady the median.</summary>
    private const int MinRuns = 11;

    public static async Task<RescanTiming> MeasureAsync(ImageScanner scanner, string layout, string tag, int runs, CancellationToken cancellationToken)
    {
        // The first scan walks the layers and fills the cache; two more warm the JIT and the database connection pool.
        ScanReport report = null!;
        for (var i = 0; i < 3; i++) report = await ScanAsync(scanner, layout, tag, cancellationToken);

        var samples = new List<double>();
        for (var run = 0; run < Math.Max(runs, MinRuns); run++)
        {
            var clock = Stopwatch.StartNew();
            report = await ScanAsync(scanner, layout, tag, cancellationToken);
            samples.Add(clock.Elapsed.TotalMilliseconds);
        }
        Console.Error.WriteLine($"  {tag}: rescans {string.Join(", ", samples.Select(ms => ms.ToString("F1")))} ms");
        return new RescanTiming(tag, Medians.Of(samples), report.Image.Layers.Count, report.Packages.Count, report.Findings.Count, samples.Count);
    }

    public static async Task<ScanReport> ScanAsync(ImageScanner scanner, string layout, string tag, CancellationToken cancellationToken)
    {
        var load = await OciLayoutImage.LoadAsync(layout, tag, null, cancellationToken);
        if (load.Error is { } loadError) throw new InvalidOperationException(loadError);
        var result = await scanner.ScanAsync(load.Image!, null, cancellationToken);
        return result.Report ?? throw new InvalidOperationException(result.Error);
    }
}
