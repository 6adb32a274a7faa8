using System.Buffers;
using System.Security.Cryptography;

namespace Berth.Bench.Workload;

/// <summary>
/// The temp directory with one prepared random file per blob size, written once per process and
/// deleted at the end. Files are generated in 1 MiB slices, so 100 MiB never sits in memory.
/// </summary>
public sealed class BlobWorkspace : IDisposable
{
    private const int SliceBytes = 1 << 20;

    private readonly Dictionary<BlobSize, BlobTemplate> templates;

    private BlobWorkspace(string directory, Dictionary<BlobSize, BlobTemplate> templates)
    {
        Directory = directory;
        this.templates = templates;
    }

    public string Directory { get; }

    public BlobTemplate this[BlobSize size] => templates[size];

    public static async Task<BlobWorkspace> PrepareAsync(string? parent, ulong seed, CancellationToken cancellationToken)
    {
        var directory = parent is null
            ? System.IO.Directory.CreateTempSubdirectory("berth-bench-blobs-").FullName
            : System.IO.Directory.CreateDirectory(Path.Combine(parent, $"berth-bench-blobs-{Environment.ProcessId}")).FullName;
        var templates = new Dictionary<BlobSize, BlobTemplate>();
        try
        {
            foreach (var size in BlobSize.All)
            {
                templates[size] = await WriteTemplateAsync(directory, size, seed, cancellationToken);
            }

            return new BlobWorkspace(directory, templates);
        }
        catch
        {
            foreach (var template in templates.Values)
            {
                template.Dispose();
            }

            System.IO.Directory.Delete(directory, recursive: true);
            throw;
        }
    }

    public void Dispose()
    {
        foreach (var template in templates.Values)
        {
            template.Dispose();
        }

        System.IO.Directory.Delete(Directory, recursive: true);
    }

    private static async Task<BlobTemplate> WriteTemplateAsync(string directory, BlobSize size, ulong seed, CancellationToken cancellationToken)
    {
        var path = Path.Combine(directory, $"{size.Bytes}.blob");
        var noise = new SeededNoise(seed ^ (ulong)size.Bytes);
        var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var slice = ArrayPool<byte>.Shared.Rent(SliceBytes);
        try
        {
            await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 0, FileOptions.Asynchronous);
            var remaining = size.Bytes - BlobTemplate.MarkerLength;
            while (remaining > 0)
            {
                var count = (int)Math.Min(SliceBytes, remaining);
                noise.Fill(slice.AsSpan(0, count));
                hash.AppendData(slice, 0, count);
                await file.WriteAsync(slice.AsMemory(0, count), cancellationToken);
                remaining -= count;
            }
        }
        catch
        {
            hash.Dispose();
            throw;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(slice);
        }

        return new BlobTemplate(size, path, hash);
    }
}
