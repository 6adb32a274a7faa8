using System.Buffers;

namespace Berth.Scanning.Analyzers.Rpm;

/// <summary>
/// The database copied out of the layer into its own temporary directory: SQLite and the page-based formats
/// need random access, the layer stream is forward-only. Disposing deletes the directory.
/// </summary>
internal sealed class TemporaryDatabaseCopy : IAsyncDisposable
{
    private const int BufferSize = 1024 * 1024;

    private readonly DirectoryInfo _directory;

    private TemporaryDatabaseCopy(DirectoryInfo directory, string path, long length)
    {
        _directory = directory;
        Path = path;
        Length = length;
    }

    public string Path { get; }

    public long Length { get; }

    /// <summary>Copies <paramref name="content"/>; null when it holds more than <paramref name="maxBytes"/>.</summary>
    public static async Task<TemporaryDatabaseCopy?> CreateAsync(Stream content, long maxBytes, CancellationToken cancellationToken)
    {
        var directory = Directory.CreateTempSubdirectory("berth-rpm-");
        var path = System.IO.Path.Combine(directory.FullName, "rpmdb");
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        var complete = false;
        try
        {
            long length = 0;
            await using (var target = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 0, FileOptions.Asynchronous))
            {
                int read;
                while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
                {
                    length += read;
                    if (length > maxBytes) return null;
                    await target.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                }
            }
            complete = true;
            return new TemporaryDatabaseCopy(directory, path, length);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
            if (!complete) Delete(directory);
        }
    }

    public ValueTask DisposeAsync()
    {
        Delete(_directory);
        return ValueTask.CompletedTask;
    }

    private static void Delete(DirectoryInfo directory)
    {
        try
        {
            directory.Delete(recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A leftover temporary file must not fail the scan that has already read it.
        }
    }
}
