namespace Berth.Scanning.Layers;

/// <summary>
/// A regular file offered to an analyzer. <see cref="Content"/> is forward-only and can be read once;
/// an analyzer that needs random access (SQLite rpmdb, jar archives) copies it, bounded by
/// <see cref="ScanLimits.MaxAnalyzedFileBytes"/>.
/// </summary>
public sealed class LayerFile(string path, long size, Stream content, ScanLimits limits)
{
    public string Path { get; } = path;

    public long Size { get; } = size;

    public Stream Content { get; } = content;

    public ScanLimits Limits { get; } = limits;
}
