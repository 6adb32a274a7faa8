using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Berth.Core.Advisories;

namespace Berth.Scanning.Advisories.Importers;

/// <summary>
/// Imports advisory feeds into the store: files, folders (recursively) and zip archives (osv.dev's per-ecosystem
/// <c>all.zip</c>) holding OSV JSON/YAML, Alpine secdb (YAML/JSON), the Debian security tracker JSON or Ubuntu CVE
/// tracker entries (vuln-list JSON); the format is recognised from each document's content. A folder holding
/// <c>distributions.json</c> is vuln-list's Debian tracker layout and is read as a whole. Rows are written in batches, one transaction each; a
/// malformed file is reported and the rest still import.
/// </summary>
public sealed class AdvisoryImporter(IAdvisoryStore store, AdvisoryImportLimits? limits = null)
{
    private readonly AdvisoryImportLimits _limits = limits ?? AdvisoryImportLimits.Default;

    public async Task<AdvisoryImportResult> ImportAsync(IReadOnlyList<string> paths, CancellationToken cancellationToken)
    {
        var run = new ImportRun(store, _limits.BatchRows);
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                // vuln-list's Debian tracker is read folder by folder: its files only mean something together.
                var options = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true };
                var trackers = Directory.EnumerateDirectories(path, "*", options).Prepend(path)
                    .Where(DebianVulnListReader.IsTrackerFolder).Order(StringComparer.Ordinal).ToList();
                foreach (var tracker in trackers) await ImportDebianVulnListAsync(run, tracker, cancellationToken);
                var files = Directory.EnumerateFiles(path, "*", options)
                    .Where(file => !trackers.Any(tracker => IsUnder(file, tracker)))
                    .Order(StringComparer.Ordinal);
                foreach (var file in files) await ImportFileAsync(run, file, cancellationToken);
            }
            else if (File.Exists(path))
            {
                await ImportFileAsync(run, path, cancellationToken);
            }
            else
            {
                run.Error(path, "no such file or folder");
            }
        }
        await run.FlushAsync(cancellationToken);
        await run.RecordSourcesAsync(DateTimeOffset.UtcNow, cancellationToken);
        return run.Result();
    }

    private async Task ImportFileAsync(ImportRun run, string path, CancellationToken cancellationToken)
    {
        var kind = KindOf(path);
        if (kind is null)
        {
            run.Skipped++;
            return;
        }
        try
        {
            await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, FileOptions.Asynchronous);
            if (kind == ".zip") await ImportZipAsync(run, path, stream, cancellationToken);
            else await ImportDocumentAsync(run, path, kind, stream, cancellationToken);
        }
        catch (IOException e)
        {
            run.Error(path, e.Message);
        }
        catch (UnauthorizedAccessException e)
        {
            run.Error(path, e.Message);
        }
    }

    private async Task ImportZipAsync(ImportRun run, string path, Stream stream, CancellationToken cancellationToken)
    {
        ZipArchive zip;
        try
        {
            zip = await ZipArchive.CreateAsync(stream, ZipArchiveMode.Read, leaveOpen: true, entryNameEncoding: null, cancellationToken);
        }
        catch (InvalidDataException e)
        {
            run.Error(path, $"not a readable zip archive: {e.Message}");
            return;
        }
        await using (zip)
        {
            if (zip.Entries.Count > _limits.MaxZipEntries)
            {
                run.Error(path, $"the archive has {zip.Entries.Count} entries, more than the limit of {_limits.MaxZipEntries}");
                return;
            }
            foreach (var entry in zip.Entries)
            {
                var name = $"{path}!/{entry.FullName}";
                if (entry.FullName.EndsWith('/')) continue;
                if (KindOf(entry.FullName) is not { } kind || kind == ".zip")
                {
                    run.Skipped++;
                    continue;
                }
                if (entry.Length > _limits.MaxDocumentBytes)
                {
                    run.Error(name, $"the entry expands to {entry.Length} bytes, more than the limit of {_limits.MaxDocumentBytes}");
                    continue;
                }
                try
                {
                    // The declared size may lie; the copy stops one byte past the limit either way.
                    await using var content = await entry.OpenAsync(cancellationToken);
                    var buffer = await ReadBoundedAsync(content, _limits.MaxDocumentBytes, cancellationToken);
                    if (buffer is null)
                    {
                        run.Error(name, $"the entry expands to more than the limit of {_limits.MaxDocumentBytes} bytes");
                        continue;
                    }
                    await ImportDocumentAsync(run, name, kind, buffer, cancellationToken);
                }
                catch (InvalidDataException e)
                {
                    run.Error(name, $"corrupt zip entry: {e.Message}");
                }
            }
        }
    }

    private async Task ImportDocumentAsync(ImportRun run, string name, string kind, Stream stream, CancellationToken cancellationToken)
    {
        JsonNode? tree;
        if (kind == ".json")
        {
            var head = new byte[4096];
            var headLength = await stream.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken);
            var start = head.AsSpan(0, headLength).StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? 3 : 0;
            stream.Position = start;
            if (DebianTrackerReader.LooksLikeTracker(head.AsSpan(start, headLength - start)))
            {
                await ImportTrackerAsync(run, name, stream, cancellationToken);
                return;
            }
            stream.Position = 0;
            if (stream.Length > _limits.MaxDocumentBytes)
            {
                run.Error(name, $"the document has {stream.Length} bytes, more than the limit of {_limits.MaxDocumentBytes}");
                return;
            }
            var bytes = new byte[stream.Length];
            await stream.ReadExactlyAsync(bytes, cancellationToken);
            try
            {
                tree = JsonNode.Parse(WithoutByteOrderMark(bytes));
            }
            catch (JsonException e)
            {
                run.Error(name, $"malformed JSON: {e.Message}");
                return;
            }
        }
        else
        {
            if (stream.Length > _limits.MaxDocumentBytes)
            {
                run.Error(name, $"the document has {stream.Length} bytes, more than the limit of {_limits.MaxDocumentBytes}");
                return;
            }
            using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, leaveOpen: true);
            tree = YamlTree.Parse(await reader.ReadToEndAsync(cancellationToken), _limits.MaxYamlNodes, out var yamlError);
            if (yamlError is not null)
            {
                run.Error(name, yamlError);
                return;
            }
        }

        var advisories = AdvisoryDocuments.Read(tree, out var error);
        if (error is not null) run.Error(name, error);
        else if (advisories is null) run.Unrecognised.Add(name);
        else
        {
            run.Documents++;
            foreach (var advisory in advisories) await run.AddAsync(advisory, cancellationToken);
        }
    }

    private async Task ImportTrackerAsync(ImportRun run, string name, Stream stream, CancellationToken cancellationToken)
    {
        run.Documents++;
        try
        {
            await foreach (var advisory in DebianTrackerReader.ReadAsync(stream, _limits.MaxTrackerPackageBytes, cancellationToken))
                await run.AddAsync(advisory, cancellationToken);
        }
        catch (JsonException e)
        {
            // Advisories read before the fault are kept: each package entry stands on its own.
            run.Error(name, $"malformed Debian tracker JSON: {e.Message}");
        }
    }

    private async Task ImportDebianVulnListAsync(ImportRun run, string directory, CancellationToken cancellationToken)
    {
        var (advisories, documents) = await DebianVulnListReader.ReadAsync(directory, _limits.MaxDocumentBytes, run.Error, cancellationToken);
        run.Documents += documents;
        foreach (var advisory in advisories) await run.AddAsync(advisory, cancellationToken);
    }

    private static bool IsUnder(string file, string directory) =>
        file.StartsWith(Path.TrimEndingDirectorySeparator(directory) + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    /// <summary>The content in memory, or null when it is longer than <paramref name="limit"/>.</summary>
    private static async Task<MemoryStream?> ReadBoundedAsync(Stream content, int limit, CancellationToken cancellationToken)
    {
        var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit) return null;
            buffer.Write(chunk, 0, read);
        }
        buffer.Position = 0;
        return buffer;
    }

    private static ReadOnlySpan<byte> WithoutByteOrderMark(byte[] bytes) =>
        bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? bytes.AsSpan(3) : bytes;

    private static string? KindOf(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".json" => ".json",
        ".yaml" or ".yml" => ".yaml",
        ".zip" => ".zip",
        _ => null,
    };
}
