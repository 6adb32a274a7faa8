using System.Runtime.InteropServices;

namespace Berth.Bench.Workload;

/// <summary>
/// SplitMix64: a tiny, fast, seedable generator. Blob contents and the mixed tests' choices come from
/// it, so two registries compared with the same seed are given exactly the same work.
/// </summary>
public sealed class SeededNoise(ulong seed)
{
    private const ulong Golden = 0x9E3779B97F4A7C15UL;

    private ulong state = seed;

    public void Fill(Span<byte> destination)
    {
        var words = MemoryMarshal.Cast<byte, ulong>(destination);
        for (var i = 0; i < words.Length; i++)
        {
            words[i] = Next();
        }

        var tail = destination[(words.Length * sizeof(ulong))..];
        for (var i = 0; i < tail.Length; i++)
        {
            tail[i] = (byte)Next();
        }
    }

    /// <summary>
    /// A uniform number in [0, 1) that depends only on the seed and the index, not on which worker
    /// happens to run that iteration.
    /// </summary>
    public static double UnitAt(ulong seed, long index)
    {
        var value = Mix(seed + ((ulong)index + 1) * Golden);
        return (value >> 11) * (1.0 / (1UL << 53));
    }

    private ulong Next()
    {
        state += Golden;
        return Mix(state);
    }

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
