using System.Net;

namespace Berth.Commands.Vulndb;

/// <summary>
/// Fetches one advisory archive to a file, streamed: never more than <c>maxBytes</c> on disk, never longer
/// than <c>timeout</c>. A failure is a message naming the URL and what went wrong, so the other sources
/// can still be fetched.
/// </summary>
internal sealed class AdvisoryDownload(HttpClient client, long maxBytes, TimeSpan timeout)
{
    private const int BufferBytes = 1024 * 1024;

    /// <returns>Null when the file was written; otherwise why it was not (the file is then removed).</returns>
    public async Task<string?> FetchAsync(Uri source, string targetFile, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            using var response = await client.GetAsync(source, HttpCompletionOption.ResponseHeadersRead, deadline.Token);
            if (response.StatusCode != HttpStatusCode.OK)
                return $"the server answered {(int)response.StatusCode} {response.ReasonPhrase}";
            if (response.Content.Headers.ContentLength is { } length && length > maxBytes)
                return $"the archive is {length} bytes, more than the limit of {maxBytes} ({ScannerSettings.DownloadMaxBytesKey})";

            await using var body = await response.Content.ReadAsStreamAsync(deadline.Token);
            return await CopyBoundedAsync(body, targetFile, deadline.Token) is { } tooLarge ? Discard(targetFile, tooLarge) : null;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Discard(targetFile, $"no complete answer within {timeout} ({ScannerSettings.DownloadTimeoutKey})");
        }
        catch (HttpRequestException e)
        {
            return Discard(targetFile, e.InnerException is { } inner ? $"{e.Message} ({inner.Message})" : e.Message);
        }
        catch (IOException e)
        {
            return Discard(targetFile, e.Message);
        }
    }

    private async Task<string?> CopyBoundedAsync(Stream body, string targetFile, CancellationToken cancellationToken)
    {
        await using var file = new FileStream(targetFile, FileMode.CreateNew, FileAccess.Write, FileShare.None, 0, FileOptions.Asynchronous);
        var buffer = new byte[BufferBytes];
        long written = 0;
        int read;
        while ((read = await body.ReadAsync(buffer, cancellationToken)) > 0)
        {
            written += read;
            // A server may send no length, or a false one; the count of what arrived is what is bounded.
            if (written > maxBytes) return $"the archive is larger than the limit of {maxBytes} bytes ({ScannerSettings.DownloadMaxBytesKey})";
            await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
        }
        return null;
    }

    private static string Discard(string targetFile, string message)
    {
        try
        {
            File.Delete(targetFile);
        }
        catch (IOException)
        {
            // The temporary directory is removed as a whole afterwards.
        }
        return message;
    }
}
