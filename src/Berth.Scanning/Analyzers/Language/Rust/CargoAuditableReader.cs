using System.IO.Compression;
using System.Text.Json;
using Berth.Scanning.Analyzers.Language.Binaries;
using Berth.Scanning.Packages;

namespace Berth.Scanning.Analyzers.Language.Rust;

/// <summary>
/// Dependency lists that <c>cargo auditable</c> embeds in Rust binaries: a <c>.dep-v0</c> section
/// (<c>__dep_v0</c> on Mach-O) holding zlib-compressed JSON
/// <c>{"packages":[{"name","version","source","kind","root"}]}</c>. Runtime dependencies only (build
/// dependencies are not in the binary); the root crate and local crates are not published versions.
/// </summary>
public static class CargoAuditableReader
{
    private const long MaxCompressedBytes = 8 << 20;
    private const long MaxJsonBytes = 32 << 20;

    /// <summary>The embedded crates, an empty list when there is no such section, null after a warning.</summary>
    public static async Task<IReadOnlyList<Package>?> ReadAsync(
        ExecutableImage image, string filePath, Action<string> warn, CancellationToken cancellationToken)
    {
        var section = image.Sections.FirstOrDefault(s => s.Name is ".dep-v0" or "__dep_v0");
        if (section.FileSize == 0) return [];
        if (section.FileSize > MaxCompressedBytes)
        {
            warn($"cargo-auditable section is {section.FileSize} bytes, over the {MaxCompressedBytes}-byte limit");
            return null;
        }

        var compressed = await image.ReadAsync(section.FileOffset, (int)section.FileSize, cancellationToken);
        using var json = new MemoryStream();
        try
        {
            await using var inflater = new ZLibStream(new MemoryStream(compressed), CompressionMode.Decompress);
            var buffer = new byte[81920];
            int read;
            while ((read = await inflater.ReadAsync(buffer, cancellationToken)) > 0)
            {
                if (json.Length + read > MaxJsonBytes)
                {
                    warn($"cargo-auditable data inflates past {MaxJsonBytes} bytes");
                    return null;
                }
                json.Write(buffer, 0, read);
            }
        }
        catch (InvalidDataException e)
        {
            warn($"cargo-auditable section is not zlib data ({e.Message})");
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(json.ToArray());
            if (JsonValues.Array(document.RootElement, "packages") is not { } list)
            {
                warn("cargo-auditable data has no 'packages' array");
                return null;
            }
            var packages = new List<Package>();
            foreach (var item in list.EnumerateArray())
            {
                var name = JsonValues.String(item, "name");
                var version = JsonValues.String(item, "version");
                var kind = JsonValues.String(item, "kind") ?? "runtime";
                if (name is null || version is null || kind != "runtime" || JsonValues.True(item, "root")
                    || JsonValues.String(item, "source") == "local")
                    continue;
                packages.Add(new Package { Name = name, Version = version, Ecosystem = Ecosystem.CratesIo, FilePath = filePath });
            }
            return packages;
        }
        catch (JsonException e)
        {
            warn($"cargo-auditable data is not valid JSON ({e.Message})");
            return null;
        }
    }
}
