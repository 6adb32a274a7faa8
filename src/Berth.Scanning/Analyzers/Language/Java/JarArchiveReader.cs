using System.IO.Compression;
using System.Text;
using Berth.Scanning.Packages;

namespace Berth.Scanning.Analyzers.Language.Java;

/// <summary>
/// Reads one Java archive and, recursively, the archives inside it (jars in a war's WEB-INF/lib, in a
/// Spring Boot jar's BOOT-INF/lib, in an ear). Every pom.properties is a package (shaded jars carry their
/// bundled libraries' poms); when none of them is the archive itself, the manifest and then the file name
/// identify it. Depth, entry counts and inflated bytes are bounded; problems become warnings.
/// </summary>
public sealed class JarArchiveReader(int maxDepth, InflationBudget budget, Action<string> warn)
{
    /// <summary>A real fat jar has tens of thousands of entries; past this the central directory alone is a memory risk.</summary>
    public const int MaxEntries = 200_000;

    private const int MaxMetadataBytes = 1 << 20;

    public async Task ReadAsync(ScratchFile archive, string archivePath, int depth, List<Package> packages, CancellationToken cancellationToken)
    {
        var declared = await ZipDirectoryCount.ReadAsync(archive, cancellationToken);
        if (declared is null)
        {
            warn($"{archivePath}: not a zip archive (no end of central directory)");
            return;
        }
        if (declared > MaxEntries)
        {
            warn($"{archivePath}: declares {declared} entries, over the limit of {MaxEntries}; not analyzed");
            return;
        }

        ZipArchive zip;
        try
        {
            archive.Stream.Position = 0;
            zip = await ZipArchive.CreateAsync(archive.Stream, ZipArchiveMode.Read, leaveOpen: true, entryNameEncoding: null, cancellationToken);
        }
        catch (Exception e) when (e is InvalidDataException or NotSupportedException)
        {
            warn($"{archivePath}: unreadable zip ({e.Message})");
            return;
        }

        await using (zip)
        {
            var own = JarIdentity.FromFileName(FileNames.BaseName(archivePath));
            var foundSelf = false;
            string? manifest = null;
            foreach (var entry in zip.Entries)
            {
                if (budget.Exhausted)
                {
                    warn($"{archivePath}: the archive inflates past the analysis budget; the rest is not analyzed");
                    break;
                }
                var name = entry.FullName;
                if (name.StartsWith("META-INF/maven/", StringComparison.Ordinal) && name.EndsWith("/pom.properties", StringComparison.Ordinal))
                {
                    if (await ReadTextAsync(entry, archivePath, cancellationToken) is { } text && JarIdentity.FromPomProperties(text) is { } pom)
                    {
                        packages.Add(pom.ToPackage(archivePath));
                        foundSelf |= own is not null && own.ArtifactId == pom.ArtifactId && own.Version == pom.Version;
                    }
                }
                else if (string.Equals(name, "META-INF/MANIFEST.MF", StringComparison.OrdinalIgnoreCase))
                {
                    manifest = await ReadTextAsync(entry, archivePath, cancellationToken);
                }
                else if (JarAnalyzer.IsArchiveName(name))
                {
                    await ReadNestedAsync(entry, $"{archivePath}/{name}", depth + 1, packages, cancellationToken);
                }
            }

            if (foundSelf) return;
            var identity = (manifest is null ? null : JarIdentity.FromManifest(manifest)) ?? own;
            if (identity is not null && !packages.Any(p => p.FilePath == archivePath && p.Name == identity.ToPackage(archivePath).Name))
                packages.Add(identity.ToPackage(archivePath));
        }
    }

    private async Task ReadNestedAsync(ZipArchiveEntry entry, string path, int depth, List<Package> packages, CancellationToken cancellationToken)
    {
        if (depth > maxDepth)
        {
            warn($"{path}: archives nest deeper than {maxDepth}; not analyzed");
            return;
        }
        ScratchFile? nested;
        try
        {
            await using var content = await entry.OpenAsync(cancellationToken);
            nested = await ScratchFile.CopyAsync(content, ReadOnlyMemory<byte>.Empty, budget.Remaining, cancellationToken);
        }
        catch (Exception e) when (e is InvalidDataException or NotSupportedException)
        {
            warn($"{path}: unreadable entry ({e.Message})");
            return;
        }
        if (nested is null)
        {
            budget.Spend(budget.Remaining);
            warn($"{path}: inflates past the analysis budget; not analyzed");
            return;
        }
        await using (nested)
        {
            budget.Spend(nested.Length);
            await ReadAsync(nested, path, depth, packages, cancellationToken);
        }
    }

    private async Task<string?> ReadTextAsync(ZipArchiveEntry entry, string archivePath, CancellationToken cancellationToken)
    {
        try
        {
            await using var content = await entry.OpenAsync(cancellationToken);
            var limit = (int)Math.Min(MaxMetadataBytes, budget.Remaining);
            var buffer = new byte[limit + 1];
            var read = await content.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellationToken);
            budget.Spend(read);
            if (read > limit)
            {
                warn($"{archivePath}/{entry.FullName}: larger than {limit} bytes; ignored");
                return null;
            }
            return Encoding.UTF8.GetString(buffer, 0, read);
        }
        catch (Exception e) when (e is InvalidDataException or NotSupportedException)
        {
            warn($"{archivePath}/{entry.FullName}: unreadable entry ({e.Message})");
            return null;
        }
    }
}
