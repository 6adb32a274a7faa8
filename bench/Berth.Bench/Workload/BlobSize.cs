namespace Berth.Bench.Workload;

/// <summary>A layer size from zb's catalogue; the label says MB, the bytes are MiB, as in zb.</summary>
public readonly record struct BlobSize(string Label, long Bytes)
{
    public static readonly BlobSize OneMiB = new("1MB", 1L << 20);
    public static readonly BlobSize TenMiB = new("10MB", 10L << 20);
    public static readonly BlobSize HundredMiB = new("100MB", 100L << 20);

    public static IReadOnlyList<BlobSize> All { get; } = [OneMiB, TenMiB, HundredMiB];

    public override string ToString() => Label;
}
