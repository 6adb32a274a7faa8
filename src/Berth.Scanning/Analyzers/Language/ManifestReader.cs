using System.Buffers;
using System.Text;
using System.Text.Json;
using Berth.Scanning.Layers;

namespace Berth.Scanning.Analyzers.Language;

/// <summary>
/// Reads the small text manifests language analyzers parse (package.json, METADATA, lock files) with a hard
/// size cap: the tar header's size is not trusted, so the read stops at the cap whatever the stream holds.
/// Problems become warnings naming the analyzer and the file, never exceptions.
/// </summary>
public static class ManifestReader
{
    /// <summary>Manifests are text written by tools; anything bigger than this is not one we should buffer.</summary>
    public const long MaxManifestBytes = 64L * 1024 * 1024;

    /// <summary>The file's text (UTF-8, BOM stripped), or null after a warning when it is too large.</summary>
    public static async Task<string?> ReadTextAsync(
        LayerFile file, LayerFindings findings, string analyzer, CancellationToken cancellationToken)
    {
        var bytes = await ReadBytesAsync(file, findings, analyzer, cancellationToken);
        return bytes is { } content ? Encoding.UTF8.GetString(content.Span) : null;
    }

    /// <summary>The file's bytes (BOM stripped), or null after a warning when it is too large.</summary>
    private static async Task<ReadOnlyMemory<byte>?> ReadBytesAsync(
        LayerFile file, LayerFindings findings, string analyzer, CancellationToken cancellationToken)
    {
        var cap = Math.Min(file.Limits.MaxAnalyzedFileBytes, MaxManifestBytes);
        if (file.Size > cap)
        {
            findings.Warn($"{analyzer}: {file.Path}: {file.Size} bytes is over the {cap}-byte limit for a manifest; skipped");
            return null;
        }

        using var buffer = new MemoryStream(capacity: (int)Math.Max(0, Math.Min(file.Size, cap)));
        var chunk = ArrayPool<byte>.Shared.Rent(81920);
        try
        {
            int read;
            while ((read = await file.Content.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if (buffer.Length + read > cap)
                {
                    findings.Warn($"{analyzer}: {file.Path}: content runs past the {cap}-byte limit for a manifest; skipped");
                    return null;
                }
                buffer.Write(chunk, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        var bytes = buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
        if (bytes.Span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) bytes = bytes[3..];
        return bytes;
    }

    /// <summary>The file parsed as JSON (comments and trailing commas tolerated), or null after a warning.</summary>
    public static async Task<JsonDocument?> ReadJsonAsync(
        LayerFile file, LayerFindings findings, string analyzer, CancellationToken cancellationToken)
    {
        // Parsed from the UTF-8 bytes as read: no UTF-16 copy of every package.json (thousands per image).
        var bytes = await ReadBytesAsync(file, findings, analyzer, cancellationToken);
        if (bytes is not { } content) return null;
        try
        {
            return JsonDocument.Parse(content, JsonOptions);
        }
        catch (JsonException)
        {
            // The byte parser refuses invalid UTF-8 (a Latin-1 author name, say) that decoding to text replaces
            // with U+FFFD; a manifest like that still names its package, so it gets the tolerant second try.
        }
        try
        {
            return JsonDocument.Parse(Encoding.UTF8.GetString(content.Span), JsonOptions);
        }
        catch (JsonException e)
        {
            findings.Warn($"{analyzer}: {file.Path}: not valid JSON ({e.Message})");
            return null;
        }
    }

    private static readonly JsonDocumentOptions JsonOptions = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
        MaxDepth = 256,
    };
}
