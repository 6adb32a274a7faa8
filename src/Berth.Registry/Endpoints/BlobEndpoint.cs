using System.Buffers;
using Berth.Core;
using Berth.Core.Errors;
using Berth.Metadata;
using Berth.Registry.Http;
using Berth.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Berth.Registry.Endpoints;

/// <summary><c>/v2/&lt;name&gt;/blobs/&lt;digest&gt;</c>: GET and HEAD (with Range), DELETE.</summary>
public sealed class BlobEndpoint(IRegistryMetadata metadata, IBlobStore blobs, IOptions<RegistryOptions> options)
{
    private const int CopyBlockSize = 1 << 20;

    public async Task<OciError?> GetAsync(HttpContext context, string repository, string reference)
    {
        if (!Digest.TryParse(reference, out var digest)) return InvalidDigest(reference);
        var cancellationToken = context.RequestAborted;

        var size = await metadata.FindLinkedBlobAsync(repository, digest, cancellationToken);
        if (size is null)
        {
            // Manifests are content too: clients may fetch one through the blob endpoint.
            var manifest = await metadata.FindManifestAsync(repository, digest.ToString(), cancellationToken);
            if (manifest is null) return BlobUnknown(digest);
            return await ServeAsync(context, digest, new MemoryStream(manifest.Content, writable: false), manifest.Content.LongLength);
        }

        var stream = await blobs.OpenReadAsync(digest, cancellationToken);
        if (stream is null) return BlobUnknown(digest);
        return await ServeAsync(context, digest, stream, size.Value);
    }

    public async Task<OciError?> DeleteAsync(HttpContext context, string repository, string reference)
    {
        if (!options.Value.DeleteEnabled) return OciErrorCode.Unsupported.With("deletes are disabled on this registry");
        if (!Digest.TryParse(reference, out var digest)) return InvalidDigest(reference);
        if (!await metadata.UnlinkBlobAsync(repository, digest, context.RequestAborted)) return BlobUnknown(digest);
        context.Response.StatusCode = StatusCodes.Status202Accepted;
        context.Response.Headers[RegistryHeaders.ContentDigest] = digest.ToString();
        return null;
    }

    private static async Task<OciError?> ServeAsync(HttpContext context, Digest digest, Stream content, long size)
    {
        await using var _ = content;
        var request = context.Request;
        var response = context.Response;
        response.Headers[RegistryHeaders.ContentDigest] = digest.ToString();
        response.Headers.ETag = $"\"{digest}\"";
        response.Headers.AcceptRanges = "bytes";
        response.ContentType = "application/octet-stream";

        var range = new ByteRange(0, size);
        var rangeHeader = request.Headers.Range.ToString();
        if (rangeHeader.Length > 0 && !ByteRange.IsMultiple(rangeHeader))
        {
            if (!ByteRange.TryParse(rangeHeader, size, out range))
            {
                // HTTP's answer (RFC 9110, 416): the status and the size say it all. None of the spec's
                // error codes, a closed list, describes a download range, so there is no error body.
                response.StatusCode = StatusCodes.Status416RangeNotSatisfiable;
                response.Headers.ContentRange = $"bytes */{size}";
                response.ContentLength = 0;
                return null;
            }
            response.StatusCode = StatusCodes.Status206PartialContent;
            response.Headers.ContentRange = $"bytes {range.Start}-{range.End}/{size}";
        }
        response.ContentLength = range.Length;
        if (HttpMethods.IsHead(request.Method)) return null;

        content.Seek(range.Start, SeekOrigin.Begin);
        await CopyAsync(content, response.Body, range.Length, context.RequestAborted);
        return null;
    }

    private static async Task CopyAsync(Stream source, Stream destination, long length, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent((int)Math.Min(CopyBlockSize, Math.Max(length, 1)));
        try
        {
            var remaining = length;
            while (remaining > 0)
            {
                var read = await source.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, remaining)), cancellationToken);
                if (read == 0) throw new IOException($"blob ended {remaining} bytes early");
                await destination.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                remaining -= read;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    internal static OciError InvalidDigest(string text) => Digest.IsUnsupportedAlgorithm(text)
        ? OciErrorCode.DigestInvalid.With($"digest '{text}' uses an unsupported algorithm; sha256 and sha512 are supported")
        : OciErrorCode.DigestInvalid.With($"'{text}' is not a valid digest");

    private static OciError BlobUnknown(Digest digest) =>
        OciErrorCode.BlobUnknown.With($"blob {digest} is not in this repository", detail: new { digest = digest.ToString() });
}
