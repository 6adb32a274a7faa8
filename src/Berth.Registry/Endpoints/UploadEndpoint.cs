using Berth.Core;
using Berth.Core.Errors;
using Berth.Metadata;
using Berth.Registry.Http;
using Berth.Storage;
using Berth.Storage.Uploads;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Berth.Registry.Endpoints;

/// <summary>
/// <c>/v2/&lt;name&gt;/blobs/uploads/[&lt;id&gt;]</c>: start (monolithic, mount, or a session), PATCH chunks,
/// PUT to finish, GET status, DELETE to cancel. Data reaches the blob store only through a verified commit.
/// </summary>
public sealed class UploadEndpoint(IRegistryMetadata metadata, IUploadStore uploads)
{
    public async Task<OciError?> StartAsync(HttpContext context, string repository)
    {
        var query = context.Request.Query;
        var cancellationToken = context.RequestAborted;

        if (query.TryGetValue("mount", out var mount))
        {
            if (await TryMountAsync(context, repository, mount.ToString(), query["from"].ToString())) return null;
        }
        else if (query.TryGetValue("digest", out var digestText))
        {
            if (!Digest.TryParse(digestText, out var digest)) return BlobEndpoint.InvalidDigest(digestText.ToString());
            var monolithic = await uploads.StartAsync(repository, cancellationToken);
            var outcome = await ReceiveAndCommitAsync(context, monolithic, digest, isNewSession: true);
            return outcome;
        }

        var session = await uploads.StartAsync(repository, cancellationToken);
        context.Response.StatusCode = StatusCodes.Status202Accepted;
        SetSessionHeaders(context.Response, session.Repository, session.Id, 0);
        return null;
    }

    public async Task<OciError?> PatchAsync(HttpContext context, string repository, string id)
    {
        var session = await FindAsync(repository, id, context.RequestAborted);
        if (session is null) return UploadUnknown(id);
        var chunk = ReadChunk(context.Request);
        var appended = chunk.Succeeded
            ? await uploads.AppendAsync(session, context.Request.Body, chunk.Value, context.RequestAborted)
            : chunk.Error!;
        if (!appended.Succeeded)
        {
            // A 416 leaves the session usable; like the spec's 416 response, say where it stands.
            if (appended.Error!.Status == StatusCodes.Status416RangeNotSatisfiable) SetSessionHeaders(context.Response, repository, id, session.Size);
            return appended.Error;
        }
        context.Response.StatusCode = StatusCodes.Status202Accepted;
        SetSessionHeaders(context.Response, repository, id, appended.Value);
        return null;
    }

    public async Task<OciError?> PutAsync(HttpContext context, string repository, string id)
    {
        var session = await FindAsync(repository, id, context.RequestAborted);
        if (session is null) return UploadUnknown(id);
        var digestText = context.Request.Query["digest"].ToString();
        if (!Digest.TryParse(digestText, out var digest))
        {
            return digestText.Length == 0
                ? OciErrorCode.DigestInvalid.With("completing an upload needs the digest of its content in '?digest='")
                : BlobEndpoint.InvalidDigest(digestText);
        }
        return await ReceiveAndCommitAsync(context, session, digest, isNewSession: false);
    }

    public async Task<OciError?> StatusAsync(HttpContext context, string repository, string id)
    {
        var session = await FindAsync(repository, id, context.RequestAborted);
        if (session is null) return UploadUnknown(id);
        context.Response.StatusCode = StatusCodes.Status204NoContent;
        SetSessionHeaders(context.Response, repository, id, session.Size);
        return null;
    }

    public async Task<OciError?> CancelAsync(HttpContext context, string repository, string id)
    {
        var session = await FindAsync(repository, id, context.RequestAborted);
        if (session is null) return UploadUnknown(id);
        await uploads.CancelAsync(session, context.RequestAborted);
        context.Response.StatusCode = StatusCodes.Status204NoContent;
        return null;
    }

    /// <summary>Takes the request's body as the last (or only) chunk, verifies, commits and links the blob.</summary>
    private async Task<OciError?> ReceiveAndCommitAsync(HttpContext context, UploadSession session, Digest digest, bool isNewSession)
    {
        var cancellationToken = context.RequestAborted;
        if (HasBody(context))
        {
            var chunk = ReadChunk(context.Request);
            var appended = chunk.Succeeded
                ? await uploads.AppendAsync(session, context.Request.Body, chunk.Value, cancellationToken)
                : chunk.Error!;
            if (!appended.Succeeded)
            {
                // A monolithic upload has no session the client knows of: leave nothing behind.
                if (isNewSession) await uploads.CancelAsync(session, CancellationToken.None);
                return appended.Error;
            }
        }

        var committed = await uploads.CommitAsync(session, digest, cancellationToken);
        if (!committed.Succeeded) return committed.Error;
        await metadata.LinkBlobAsync(session.Repository, digest, committed.Value, CancellationToken.None);
        SetBlobCreated(context.Response, session.Repository, digest);
        return null;
    }

    private async Task<bool> TryMountAsync(HttpContext context, string repository, string mountText, string from)
    {
        if (!Digest.TryParse(mountText, out var digest) || !RepositoryName.IsValid(from)) return false;
        var size = await metadata.FindLinkedBlobAsync(from, digest, context.RequestAborted);
        if (size is null) return false;
        await metadata.LinkBlobAsync(repository, digest, size.Value, context.RequestAborted);
        SetBlobCreated(context.Response, repository, digest);
        return true;
    }

    private async Task<UploadSession?> FindAsync(string repository, string id, CancellationToken cancellationToken)
    {
        var session = await uploads.FindAsync(id, cancellationToken);
        // A session belongs to the repository it was started in; elsewhere it does not exist.
        return session is not null && session.Repository == repository ? session : null;
    }

    private static Outcome<UploadChunk> ReadChunk(HttpRequest request)
    {
        var length = request.ContentLength;
        var header = request.Headers.ContentRange.ToString();
        if (header.Length == 0) return new UploadChunk(null, length);
        if (!ContentRange.TryParse(header, out var range))
            return OciErrorCode.BlobUploadInvalid.With($"Content-Range '{header}' is not of the form <start>-<end>", 416);
        if (length is { } declared && declared != range.Length)
            return OciErrorCode.SizeInvalid.With($"Content-Range '{header}' covers {range.Length} bytes but Content-Length is {declared}");
        return new UploadChunk(range.Start, range.Length);
    }

    private static bool HasBody(HttpContext context)
    {
        if (context.Request.ContentLength is { } length) return length > 0;
        return context.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody ?? false;
    }

    private static void SetSessionHeaders(HttpResponse response, string repository, string id, long size)
    {
        response.Headers.Location = $"/v2/{repository}/blobs/uploads/{id}";
        response.Headers[RegistryHeaders.UploadUuid] = id;
        // The spec's inclusive range of bytes received; "0-0" for an empty session, as Distribution says.
        response.Headers.Range = $"0-{Math.Max(size - 1, 0)}";
        response.ContentLength = 0;
    }

    private static void SetBlobCreated(HttpResponse response, string repository, Digest digest)
    {
        response.StatusCode = StatusCodes.Status201Created;
        response.Headers.Location = $"/v2/{repository}/blobs/{digest}";
        response.Headers[RegistryHeaders.ContentDigest] = digest.ToString();
        response.ContentLength = 0;
    }

    private static OciError UploadUnknown(string id) =>
        OciErrorCode.BlobUploadUnknown.With($"upload session '{id}' is unknown, finished, cancelled or expired");
}
