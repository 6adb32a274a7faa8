namespace Berth.Scanning.Analyzers.Language.Java;

/// <summary>
/// How many uncompressed bytes one archive tree may still produce. Counted from bytes actually inflated,
/// never from the sizes entries claim, so a zip bomb stops at the budget whatever its headers say.
/// </summary>
public sealed class InflationBudget(long bytes)
{
    public long Remaining { get; private set; } = bytes;

    public bool Exhausted => Remaining <= 0;

    public void Spend(long bytes) => Remaining = Math.Max(0, Remaining - bytes);
}
