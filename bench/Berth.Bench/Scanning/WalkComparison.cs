using System.Buffers;
using System.Diagnostics;
using System.IO.Compression;
using Berth.Bench.Reporting;
using Berth.Scanning.Images;
using Berth.Scanning.Layers;

namespace Berth.Bench.Scanning;

/// <summary>
/// Times the same layers three ways, in a rotating order per run so that load from other processes falls on all of
/// them alike: the decompressor alone, the walker with no analyzers (decompress, hash the diff id, read every tar
/// header, skip contents), and the walker with every image analyzer and no cache (what a first scan does).
/// </summary>
public static class WalkComparison
{
    private delegate Task<(long Bytes, int Packages)> Pass(Func<CancellationToken, Task<Stream>> open, CancellationToken cancellationToken);

    /// <param name="warmup">Run each pass once untimed first (JIT, page cache); skip it for huge layers.</param>
    public static async Task<WalkTimings> MeasureAsync(
        IReadOnlyList<Func<CancellationToken, Task<Stream>>> layers, int runs, bool warmup, CancellationToken cancellationToken)
    {
        var walkOnly = new LayerWalker([]);
        var everything = new LayerWalker(ImageAnalyzers.All());
        Pass[] passes = [InflateAsync, (o, c) => WalkAsync(walkOnly, o, c), (o, c) => WalkAsync(everything, o, c)];
        var wall = passes.Select(_ => new List<double>()).ToArray();
        var cpu = passes.Select(_ => new List<double>()).ToArray();
        long bytes = 0;
        var packages = 0;

        if (warmup)
            foreach (var pass in passes)
                foreach (var layer in layers) await pass(layer, cancellationToken);

        for (var run = 0; run < runs; run++)
        {
            for (var k = 0; k < passes.Length; k++)
            {
                var which = (run + k) % passes.Length;
                var cpuBefore = Environment.CpuUsage.TotalTime;
                var clock = Stopwatch.StartNew();
                long passBytes = 0;
                var passPackages = 0;
                foreach (var layer in layers)
                {
                    var (b, p) = await passes[which](layer, cancellationToken);
                    passBytes += b;
                    passPackages += p;
                }
                wall[which].Add(clock.Elapsed.TotalSeconds);
                cpu[which].Add((Environment.CpuUsage.TotalTime - cpuBefore).TotalSeconds);
                if (which == 0) bytes = passBytes;
                if (which == 2) packages = passPackages;
                Console.Error.WriteLine($"  run {run + 1}/{runs} {PassName(which)}: {wall[which][^1]:F2} s wall, {cpu[which][^1]:F2} s CPU");
            }
        }

        var medians = Enumerable.Range(0, passes.Length).Select(i => new PassSeconds(Medians.Of(wall[i]), Medians.Of(cpu[i]))).ToArray();
        return new WalkTimings(medians[0], medians[1], medians[2], bytes, packages, runs);
    }

    private static string PassName(int which) => which switch
    {
        0 => "inflate only",
        1 => "decompress + walk",
        _ => "full analysis",
    };

    private static async Task<(long, int)> WalkAsync(LayerWalker walker, Func<CancellationToken, Task<Stream>> open, CancellationToken cancellationToken)
    {
        await using var blob = await open(cancellationToken);
        var result = await walker.WalkAsync(blob, null, cancellationToken);
        if (result.Failure is { } failure) throw new InvalidOperationException($"the layer did not walk: {failure.Message}");
        return (0, result.Analysis!.PackageSets.Sum(set => set.Packages.Count));
    }

    // The floor under any walk: every byte inflated, nothing parsed or hashed.
    private static async Task<(long, int)> InflateAsync(Func<CancellationToken, Task<Stream>> open, CancellationToken cancellationToken)
    {
        await using var blob = await open(cancellationToken);
        var magic = new byte[4];
        var got = await blob.ReadAtLeastAsync(magic, magic.Length, throwOnEndOfStream: false, cancellationToken);
        blob.Position = 0;
        await using Stream plain = got >= 2 && magic[0] == 0x1F && magic[1] == 0x8B ? new GZipStream(blob, CompressionMode.Decompress)
            : got == 4 && magic.AsSpan().SequenceEqual(new byte[] { 0x28, 0xB5, 0x2F, 0xFD }) ? new ZstdSharp.DecompressionStream(blob)
            : blob;
        var buffer = ArrayPool<byte>.Shared.Rent(1024 * 1024);
        long total = 0;
        try
        {
            int n;
            while ((n = await plain.ReadAsync(buffer, cancellationToken)) > 0) total += n;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
        return (total, 0);
    }
}
