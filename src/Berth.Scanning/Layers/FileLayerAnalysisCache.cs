using System.Text.Json;
using System.Text.Json.Serialization;

namespace Berth.Scanning.Layers;

/// <summary>
/// Layer analyses as JSON files in one directory, one file per key. Writes go to a temporary file beside the target
/// and are renamed into place, so a reader never sees half an entry; an entry that cannot be read back (truncated,
/// edited, from an older format) counts as a miss and is rewritten by the next scan.
/// </summary>
public sealed class FileLayerAnalysisCache : ILayerAnalysisCache
{
    private static readonly JsonSerializerOptions Json = new()
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };

    public FileLayerAnalysisCache(string directory)
    {
        Directory = directory;
        System.IO.Directory.CreateDirectory(directory);
    }

    public string Directory { get; }

    public async Task<LayerAnalysis?> GetAsync(string key, CancellationToken cancellationToken)
    {
        var path = PathOf(key);
        try
        {
            await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, FileOptions.Asynchronous);
            var entry = await JsonSerializer.DeserializeAsync<LayerCacheEntry>(file, Json, cancellationToken);
            return entry is { Analysis.DiffId.Length: > 0 } && entry.Key == key ? entry.Analysis : null;
        }
        catch (FileNotFoundException)
        {
            return null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public async Task PutAsync(string key, LayerAnalysis analysis, CancellationToken cancellationToken)
    {
        var path = PathOf(key);
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        try
        {
            await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 64 * 1024, FileOptions.Asynchronous))
            {
                await JsonSerializer.SerializeAsync(file, new LayerCacheEntry(key, analysis), Json, cancellationToken);
                await file.FlushAsync(cancellationToken);
                file.Flush(flushToDisk: true);
            }
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary)) File.Delete(temporary);
        }
    }

    private string PathOf(string key)
    {
        // The key becomes a file name, so only the shape LayerCacheKey produces is accepted.
        if (!LayerCacheKey.IsWellFormed(key)) throw new ArgumentException($"'{key}' is not a layer cache key", nameof(key));
        return Path.Combine(Directory, key[7..] + ".json");
    }
}
