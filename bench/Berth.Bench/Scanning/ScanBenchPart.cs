namespace Berth.Bench.Scanning;

/// <summary>The parts of the scanner benchmark, one per speed goal of the scanner issue.</summary>
[Flags]
public enum ScanBenchPart
{
    None = 0,

    /// <summary>Full analysis against decompress-and-walk over the real images' layers.</summary>
    Walk = 1,

    /// <summary>A rescan with every layer in the cache, advisories matched.</summary>
    Rescan = 2,

    /// <summary>Re-matching stored inventories after an advisory import.</summary>
    Rematch = 4,

    /// <summary>A generated 1 GiB layer: peak memory and time.</summary>
    Layer = 8,

    All = Walk | Rescan | Rematch | Layer,
}
