using Berth.Scanning.Layers;

namespace Berth.Scanning.Analyzers.Rpm;

/// <summary>
/// Warnings about one rpm database, prefixed with its path. A hostile database can be wrong in every page,
/// so after <see cref="Limit"/> messages the rest are counted, not listed.
/// </summary>
internal sealed class DatabaseWarnings(LayerFindings findings, string path)
{
    public const int Limit = 20;

    private int _count;

    public int Count => _count;

    public void Warn(string message)
    {
        _count++;
        if (_count <= Limit) findings.Warn($"rpm database {path}: {message}");
    }

    /// <summary>Reports how many warnings were left out, if any.</summary>
    public void Complete()
    {
        if (_count > Limit) findings.Warn($"rpm database {path}: {_count - Limit} more problems not listed");
    }
}
