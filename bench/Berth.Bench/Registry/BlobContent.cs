using System.Net.Http.Headers;
using Berth.Bench.Workload;

namespace Berth.Bench.Registry;

/// <summary>Request bodies for blob uploads, streamed with a 1 MiB buffer and an explicit Content-Length.</summary>
public static class BlobContent
{
    private const int CopyBufferBytes = 1 << 20;

    private static readonly MediaTypeHeaderValue OctetStream = new("application/octet-stream");

    public static HttpContent Range(IBlobSource blob, long offset, long count)
    {
        var content = new StreamContent(blob.OpenRange(offset, count), CopyBufferBytes);
        content.Headers.ContentType = OctetStream;
        content.Headers.ContentLength = count;
        return content;
    }

    public static HttpContent Whole(IBlobSource blob) => Range(blob, 0, blob.Length);

    /// <summary>The empty body of the PUT that closes a chunked upload.</summary>
    public static HttpContent Empty()
    {
        var content = new ByteArrayContent([]);
        content.Headers.ContentType = OctetStream;
        content.Headers.ContentLength = 0;
        return content;
    }
}
