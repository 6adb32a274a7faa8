namespace Berth.Scanning.Layers;

/// <summary>
/// The walker's own warnings (escaping paths, skipped large files), capped so a layer of a million hostile entries
/// yields a hundred messages and a count, not a million strings.
/// </summary>
internal sealed class WalkWarnings(LayerFindings findings)
{
    private const int Budget = 100;
    private int _count;

    public void Warn(string message)
    {
        if (++_count <= Budget) findings.Warn(message);
    }

    public void Finish()
    {
        if (_count > Budget) findings.Warn($"{_count - Budget} more walker warnings were not recorded");
    }
}
