namespace Berth.Scanning.Layers;

/// <summary>
/// Reads one kind of file (a package database, a manifest, a binary) from a layer or directory.
/// The walker offers every regular file by path; an analyzer that wants it gets its content once, as a
/// stream, and records what it found in <see cref="LayerFindings"/>.
/// </summary>
public interface IFileAnalyzer
{
    /// <summary>Short stable name, e.g. "dpkg", "npm"; part of the per-layer cache key.</summary>
    string Name { get; }

    /// <summary>Bump when the analyzer's output changes, so cached layer analyses are redone.</summary>
    int Version { get; }

    /// <param name="path">Cleaned path relative to the image root, without a leading '/'.</param>
    /// <param name="size">The file's size from its tar header.</param>
    bool Wants(string path, long size);

    /// <summary>
    /// Reads <paramref name="file"/> and adds to <paramref name="findings"/>. Malformed content is reported
    /// with <see cref="LayerFindings.Warn"/>, not thrown: one bad file must not fail the scan.
    /// </summary>
    Task AnalyzeAsync(LayerFile file, LayerFindings findings, CancellationToken cancellationToken);
}
