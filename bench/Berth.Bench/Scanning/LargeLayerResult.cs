namespace Berth.Bench.Scanning;

/// <summary>The generated layer's scan: memory while every analyzer ran over it, and its timings.</summary>
/// <param name="StartWorkingSet">The process's working set just before the watched scan.</param>
/// <param name="KernelPeakWorkingSet">Process.PeakWorkingSet64 after the scan: the whole process's lifetime peak.</param>
public sealed record LargeLayerResult(
    SyntheticLayerShape Shape,
    long CompressedBytes,
    double GenerateSeconds,
    double WatchedScanSeconds,
    long StartWorkingSet,
    long PeakWorkingSet,
    long KernelPeakWorkingSet,
    long PeakManagedHeap,
    int Packages,
    int Warnings,
    WalkTimings Timings);
