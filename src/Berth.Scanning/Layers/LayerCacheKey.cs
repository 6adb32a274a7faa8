using System.Security.Cryptography;
using System.Text.Json;

namespace Berth.Scanning.Layers;

/// <summary>
/// The cache key of one layer's analysis: sha256 over the diff id and everything that changes what the walk
/// produces — each analyzer's name and version, and the limits that decide which files are analyzed. Limits that only
/// make a walk fail (layer size, entry count) are left out: failures are never cached.
/// </summary>
public static class LayerCacheKey
{
    /// <summary>Bump when the walker itself changes what it records.</summary>
    private const int WalkerVersion = 1;

    public static string Compute(string diffId, IEnumerable<IFileAnalyzer> analyzers, ScanLimits limits)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("diffId", diffId);
            json.WriteNumber("walker", WalkerVersion);
            json.WriteStartArray("analyzers");
            foreach (var analyzer in analyzers.OrderBy(a => a.Name, StringComparer.Ordinal))
            {
                json.WriteStartObject();
                json.WriteString("name", analyzer.Name);
                json.WriteNumber("version", analyzer.Version);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteNumber("maxAnalyzedFileBytes", limits.MaxAnalyzedFileBytes);
            json.WriteNumber("maxArchiveDepth", limits.MaxArchiveDepth);
            json.WriteEndObject();
        }
        return "sha256:" + Convert.ToHexStringLower(SHA256.HashData(buffer.ToArray()));
    }

    /// <summary>Whether <paramref name="key"/> has the shape <see cref="Compute"/> gives ("sha256:" + 64 lower-case hex).</summary>
    public static bool IsWellFormed(string key) =>
        key.Length == 71 && key.StartsWith("sha256:", StringComparison.Ordinal) && key.AsSpan(7).IndexOfAnyExcept("0123456789abcdef") < 0;
}
