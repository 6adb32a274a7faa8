using System.Collections.Concurrent;
using Berth.Scanning.Layers;

namespace Berth.Scanning.Tests.Layers;

/// <summary>An analyzer that wants the paths a predicate picks and records each file's full content.</summary>
public sealed class RecordingAnalyzer(Func<string, bool> wants, string name = "recording", int version = 1) : IFileAnalyzer
{
    public ConcurrentDictionary<string, byte[]> Seen { get; } = new(StringComparer.Ordinal);

    public string Name => name;

    public int Version => version;

    public bool Wants(string path, long size) => wants(path);

    public async Task AnalyzeAsync(LayerFile file, LayerFindings findings, CancellationToken cancellationToken)
    {
        using var copy = new MemoryStream();
        await file.Content.CopyToAsync(copy, cancellationToken);
        Seen[file.Path] = copy.ToArray();
    }
}
