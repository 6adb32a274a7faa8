namespace Berth.Bench.Scanning;

/// <summary>
/// Median seconds over the same layers, wall clock and process CPU time: inflate only, decompress + tar walk
/// (no analyzers), and every analyzer. On a machine other jobs share, CPU time is the steadier witness of cost.
/// </summary>
public sealed record WalkTimings(PassSeconds Inflate, PassSeconds Walk, PassSeconds Full, long UncompressedBytes, int Packages, int Runs)
{
    public double WallRatio => Full.Wall / Walk.Wall;

    public double CpuRatio => Full.Cpu / Walk.Cpu;
}
