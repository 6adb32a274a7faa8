using System.Diagnostics;
using Berth.Scanning.Images;
using Berth.Scanning.Layers;

namespace Berth.Bench.Scanning;

/// <summary>
/// Generates the large layer, scans it once with every analyzer while <see cref="MemoryWatch"/> samples memory, then
/// times it like the real layers (<see cref="WalkComparison"/>). Run first in the process, so the lifetime peak the
/// kernel keeps belongs to this scan and not to an earlier part.
/// </summary>
public static class LargeLayerScan
{
    public static async Task<LargeLayerResult> MeasureAsync(
        string? workDirectory, long targetBytes, string packagesDirectory, int runs, CancellationToken cancellationToken)
    {
        var directory = ScratchDirectories.Create(workDirectory, "layer");
        try
        {
            var path = Path.Combine(directory, "layer.tar.gz");
            var clock = Stopwatch.StartNew();
            var shape = await SyntheticLayer.WriteAsync(path, targetBytes, packagesDirectory, 1, cancellationToken);
            var generateSeconds = clock.Elapsed.TotalSeconds;
            var compressed = new FileInfo(path).Length;
            Console.Error.WriteLine($"  generated {shape.UncompressedBytes / (1 << 20)} MiB ({shape.Files} files) as {compressed / (1 << 20)} MiB of gzip in {generateSeconds:F1} s");

            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            LayerWalkResult walked;
            MemoryWatch watch;
            using (watch = new MemoryWatch())
            {
                clock.Restart();
                await using var blob = Open(path);
                walked = await new LayerWalker(ImageAnalyzers.All()).WalkAsync(blob, null, cancellationToken);
            }
            var scanSeconds = clock.Elapsed.TotalSeconds;
            if (walked.Failure is { } failure) throw new InvalidOperationException($"the generated layer did not walk: {failure.Message}");
            using var process = Process.GetCurrentProcess();
            Console.Error.WriteLine($"  watched full scan: {scanSeconds:F2} s, peak working set {watch.PeakWorkingSet / (1 << 20)} MiB");

            var timings = await WalkComparison.MeasureAsync([_ => Task.FromResult<Stream>(Open(path))], runs, warmup: false, cancellationToken);
            var analysis = walked.Analysis!;
            return new LargeLayerResult(shape, compressed, generateSeconds, scanSeconds, watch.StartWorkingSet, watch.PeakWorkingSet,
                process.PeakWorkingSet64, watch.PeakManagedHeap, analysis.PackageSets.Sum(set => set.Packages.Count), analysis.Warnings.Count, timings);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static FileStream Open(string path) =>
        new(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1024 * 1024, FileOptions.Asynchronous | FileOptions.SequentialScan);
}
