using Berth.Bench.Workload;

namespace Berth.Bench.Suite;

/// <summary>Weighted blob sizes, e.g. zb's 20% 1MB, 70% 10MB, 10% 100MB.</summary>
public sealed class SizeMix
{
    private readonly (BlobSize Size, double Weight)[] entries;
    private readonly double totalWeight;

    private SizeMix((BlobSize Size, double Weight)[] entries)
    {
        this.entries = entries;
        totalWeight = entries.Sum(entry => entry.Weight);
    }

    public IEnumerable<BlobSize> Sizes => entries.Select(entry => entry.Size);

    public static SizeMix Only(BlobSize size) => new([(size, 1)]);

    public static SizeMix Of(params (BlobSize Size, double Weight)[] entries) => new(entries);

    /// <summary>The size of a given iteration: fixed by seed and index, whichever worker runs it.</summary>
    public BlobSize Pick(ulong seed, int iteration)
    {
        var point = SeededNoise.UnitAt(seed, iteration) * totalWeight;
        foreach (var (size, weight) in entries)
        {
            if (point < weight)
            {
                return size;
            }

            point -= weight;
        }

        return entries[^1].Size;
    }
}
