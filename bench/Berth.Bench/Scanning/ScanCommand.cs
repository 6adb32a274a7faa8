using Berth.Bench.Cli;
using Berth.Scanning.Images;
using Berth.Scanning.Layers;
using Berth.Scanning.Matching;
using Berth.Scanning.Reports;

namespace Berth.Bench.Scanning;

/// <summary>
/// `scan`: the scanner's speed goals from the scanner issue, each measured and held to its goal — analysis cost over
/// decompress-and-walk, a cached rescan, re-matching stored inventories, and memory on a 1 GiB layer. Progress goes to
/// stderr, the markdown table to stdout. Exit code 0 when every goal is met, 1 when one is missed.
/// </summary>
public static class ScanCommand
{
    private const double MaxAnalysisRatio = 1.3;
    private const double MaxRescanMilliseconds = 100;
    private const double MaxRematchSeconds = 10;
    private const long MaxLayerWorkingSet = 256L << 20;

    public static async Task<int> ExecuteAsync(BenchOptions options, CancellationToken cancellationToken)
    {
        var settings = options.Scan;
        var rows = new List<GoalRow>();
        var packages = Path.GetFullPath(Path.Combine(settings.AdvisoriesDirectory!, "..", "packages"));

        // First, so that the process's lifetime peak memory belongs to this part.
        if (settings.Parts.HasFlag(ScanBenchPart.Layer) && settings.LayerMiB > 0)
        {
            Console.Error.WriteLine($"generated layer of {settings.LayerMiB} MiB:");
            var large = await LargeLayerScan.MeasureAsync(options.WorkDirectory, (long)settings.LayerMiB << 20, packages, options.Runs, cancellationToken);
            rows.AddRange(LargeLayerRows(large));
        }

        var images = new List<ImageToScan>();
        foreach (var tag in settings.Tags)
        {
            var load = await OciLayoutImage.LoadAsync(settings.ImagesDirectory, tag, null, cancellationToken);
            images.Add(load.Image ?? throw new InvalidOperationException(load.Error));
        }

        if (settings.Parts.HasFlag(ScanBenchPart.Walk))
        {
            var layers = images.SelectMany(image => image.Layers).DistinctBy(layer => layer.DiffId).ToList();
            Console.Error.WriteLine($"real layers ({layers.Count} of {string.Join(", ", settings.Tags)}):");
            var timings = await WalkComparison.MeasureAsync([.. layers.Select(layer => layer.Open)], options.Runs, warmup: true, cancellationToken);
            rows.AddRange(WalkRows($"{layers.Count} layers of {string.Join(" + ", settings.Tags)}", timings));
        }

        if (settings.Parts.HasFlag(ScanBenchPart.Rescan) || settings.Parts.HasFlag(ScanBenchPart.Rematch))
            rows.AddRange(await StoredScansAsync(options, images, packages, cancellationToken));

        Console.WriteLine($"Scanner benchmark: median of {options.Runs} runs; {Environment.ProcessorCount} cores; .NET {Environment.Version}; {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
        Console.WriteLine();
        Console.Write(GoalTable.Render(rows));
        return rows.Any(row => row.Pass == false) ? 1 : 0;
    }

    private static async Task<List<GoalRow>> StoredScansAsync(
        BenchOptions options, IReadOnlyList<ImageToScan> images, string packages, CancellationToken cancellationToken)
    {
        var settings = options.Scan;
        var rows = new List<GoalRow>();
        Console.Error.WriteLine("importing advisories:");
        await using var database = await ScratchAdvisoryDatabase.ImportAsync(options.WorkDirectory, settings.AdvisoriesDirectory!, cancellationToken);
        rows.Add(GoalRow.Context("advisory import into a fresh SQLite metadata DB", $"{database.Advisories} advisories in {database.ImportTime.TotalSeconds:F1} s"));

        var cache = ScratchDirectories.Create(options.WorkDirectory, "cache");
        try
        {
            var reader = new ImageInventoryReader(new CachedLayerAnalyzer(new LayerWalker(ImageAnalyzers.All()), new FileLayerAnalysisCache(cache)));
            var scanner = new ImageScanner(reader, new AdvisoryMatcher(database.Store), TimeProvider.System);

            if (settings.Parts.HasFlag(ScanBenchPart.Rescan))
            {
                Console.Error.WriteLine("cached rescans:");
                foreach (var tag in settings.Tags)
                {
                    var rescan = await CachedRescan.MeasureAsync(scanner, settings.ImagesDirectory, tag, options.Runs, cancellationToken);
                    rows.Add(new GoalRow(
                        $"rescan of {tag}, every layer cached ({rescan.Layers} layers, {rescan.Packages} packages, {rescan.Findings} findings; median of {rescan.Runs})",
                        $"{rescan.MedianMilliseconds:F1} ms", $"< {MaxRescanMilliseconds:F0} ms", rescan.MedianMilliseconds < MaxRescanMilliseconds));
                }
            }

            if (settings.Parts.HasFlag(ScanBenchPart.Rematch))
            {
                Console.Error.WriteLine("rematch:");
                var goImage = await GoBinaryImage.OnTopOfAsync(images[0], Path.Combine(packages, "go", "binary", "executable_gobinary"), cancellationToken);
                var goReport = (await scanner.ScanAsync(goImage, null, cancellationToken)).Report ?? throw new InvalidOperationException("the Go image did not scan");
                var lastTag = settings.Tags[^1];
                var imageReport = await CachedRescan.ScanAsync(scanner, settings.ImagesDirectory, lastTag, cancellationToken);
                var rematch = await InventoryRematch.MeasureAsync(scanner, [imageReport, goReport], settings.Inventories, options.Runs, cancellationToken);
                rows.Add(new GoalRow(
                    $"re-match {rematch.Inventories} stored inventories, half {lastTag} ({imageReport.Packages.Count} packages), half {settings.Tags[0]} + a Go binary ({goReport.Packages.Count} packages)",
                    $"{rematch.MedianSeconds:F2} s", $"< {MaxRematchSeconds:F0} s", rematch.MedianSeconds < MaxRematchSeconds));
                rows.Add(GoalRow.Context("… packages matched / findings per pass", $"{rematch.PackagesPerPass} / {rematch.FindingsPerPass}"));
            }
        }
        finally
        {
            Directory.Delete(cache, recursive: true);
        }
        return rows;
    }

    private static IEnumerable<GoalRow> WalkRows(string what, WalkTimings timings)
    {
        var mib = timings.UncompressedBytes / (double)(1 << 20);
        yield return GoalRow.Context($"{what}: uncompressed size", $"{mib:F0} MiB");
        yield return GoalRow.Context("… inflate only (every byte decompressed, nothing parsed)", Seconds(timings.Inflate, mib));
        yield return GoalRow.Context("… decompress + walk (LayerWalker, no analyzers: tar headers, diff id)", Seconds(timings.Walk, mib));
        yield return GoalRow.Context($"… full analysis (ImageAnalyzers.All, no cache; {timings.Packages} packages)", Seconds(timings.Full, mib));
        yield return new GoalRow("… full analysis ÷ decompress + walk, CPU time", $"{timings.CpuRatio:F2}×", $"≤ {MaxAnalysisRatio:F1}×", timings.CpuRatio <= MaxAnalysisRatio);
        yield return new GoalRow("… full analysis ÷ decompress + walk, wall clock", $"{timings.WallRatio:F2}×", $"≤ {MaxAnalysisRatio:F1}×", timings.WallRatio <= MaxAnalysisRatio);
    }

    private static IEnumerable<GoalRow> LargeLayerRows(LargeLayerResult large)
    {
        var shape = large.Shape;
        yield return GoalRow.Context("generated layer (tar.gz, written streaming)",
            $"{shape.UncompressedBytes / (1 << 20)} MiB in {shape.Files} files ({shape.SmallFiles} small, {shape.NodePackages} node packages, 9 Go binaries, 2 huge files), {large.CompressedBytes / (1 << 20)} MiB gzip");
        yield return new GoalRow($"… peak working set while scanning it (all analyzers; {large.Packages} packages, {large.Warnings} warnings)",
            $"{large.PeakWorkingSet / (1 << 20)} MiB", $"≤ {MaxLayerWorkingSet >> 20} MiB (bounded)", large.PeakWorkingSet <= MaxLayerWorkingSet);
        yield return GoalRow.Context("… working set before the scan / peak managed heap during it",
            $"{large.StartWorkingSet / (1 << 20)} MiB / {large.PeakManagedHeap / (1 << 20)} MiB");
        yield return GoalRow.Context("… the process's lifetime peak (PeakWorkingSet64)", $"{large.KernelPeakWorkingSet / (1 << 20)} MiB");
        foreach (var row in WalkRows("generated layer", large.Timings).Skip(1)) yield return row;
    }

    private static string Seconds(PassSeconds pass, double mib) => $"{pass.Wall:F2} s wall ({mib / pass.Wall:F0} MiB/s), {pass.Cpu:F2} s CPU";
}
