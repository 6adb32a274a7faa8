using System.Buffers;
using Berth.Core;
using Berth.Core.Errors;
using Berth.Core.Manifests;
using Berth.Metadata;
using Berth.Metadata.Artifacts;
using Berth.Policy;
using Berth.Policy.Immutability;
using Berth.Registry.Access;
using Berth.Registry.Audit;
using Berth.Registry.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Berth.Registry.Endpoints;

/// <summary><c>/v2/&lt;name&gt;/manifests/&lt;reference&gt;</c>: GET, HEAD, PUT and DELETE by tag or digest.</summary>
public sealed class ManifestEndpoint(
    IRegistryMetadata metadata,
    IOptions<RegistryOptions> options,
    ArtifactEventQueue events,
    IEnumerable<IArtifactPushObserver> observers,
    IArtifactPolicy policy,
    ImmutableTagRules immutability,
    IArtifactQueries artifacts)
{
    public async Task<OciError?> GetAsync(HttpContext context, string repository, string reference)
    {
        var cancellationToken = context.RequestAborted;
        if (!IsReference(reference))
        {
            // A name no tag can have names no manifest: 404, as the conformance suite expects for
            // ".INVALID_MANIFEST_NAME". A malformed digest is still the client's error to fix (400).
            return reference.Contains(':') ? InvalidReference(reference) : await NotFoundAsync(repository, reference, cancellationToken);
        }
        var manifest = await metadata.FindManifestAsync(repository, reference, cancellationToken);
        if (manifest is null) return await NotFoundAsync(repository, reference, cancellationToken);

        if (!ManifestNegotiation.Accepts(context.Request, manifest.MediaType))
        {
            var fallback = manifest.MediaType == MediaTypes.DockerManifestList ? ManifestNegotiation.DefaultPlatform(manifest.Content) : null;
            var child = fallback is { } digest ? await metadata.FindManifestAsync(repository, digest.ToString(), cancellationToken) : null;
            if (child is null || !ManifestNegotiation.Accepts(context.Request, child.MediaType))
            {
                return OciErrorCode.ManifestUnknown.With(
                    $"manifest '{reference}' is {manifest.MediaType}, which the request's Accept header does not allow",
                    detail: new { mediaType = manifest.MediaType });
            }
            manifest = child;
        }

        // The project's deployment policy decides about the manifest actually served, whether asked by tag or digest.
        if (!PolicyBypass.Applies(context, repository))
        {
            var verdict = await policy.EvaluateAsync(new(repository, manifest.Digest, manifest.MediaType), cancellationToken);
            if (!verdict.IsAllowed) return OciErrorCode.ProjectPolicyViolation.With(verdict.Violations[0].Message);
        }

        var response = context.Response;
        response.ContentType = manifest.MediaType;
        response.ContentLength = manifest.Content.Length;
        response.Headers[RegistryHeaders.ContentDigest] = manifest.Digest.ToString();
        response.Headers.ETag = $"\"{manifest.Digest}\"";
        if (!HttpMethods.IsHead(context.Request.Method))
        {
            // Harbor counts a GET as a pull; a HEAD only asks whether the manifest exists.
            Record(context, repository, reference, ArtifactEvent.Pull);
            await response.Body.WriteAsync(manifest.Content, cancellationToken);
        }
        return null;
    }

    public async Task<OciError?> PutAsync(HttpContext context, string repository, string reference)
    {
        var byDigest = Digest.TryParse(reference, out var pushedDigest);
        if (!byDigest && !TagName.IsValid(reference)) return InvalidReference(reference);
        var cancellationToken = context.RequestAborted;

        var content = await ReadBodyAsync(context.Request, options.Value.MaxManifestBytes, cancellationToken);
        if (!content.Succeeded) return content.Error;

        var digest = Digest.Compute(content.Value, byDigest ? pushedDigest.Algorithm : Digest.Sha256);
        if (byDigest && digest != pushedDigest)
        {
            return OciErrorCode.DigestInvalid.With($"the manifest's content has digest {digest}, not {pushedDigest}",
                detail: new { expected = pushedDigest.ToString(), actual = digest.ToString() });
        }

        var document = ManifestParser.Parse(content.Value, context.Request.ContentType);
        if (!document.Succeeded) return document.Error;

        var upload = new ManifestUpload(repository, digest, content.Value, document.Value, byDigest ? null : reference);
        // An immutable tag may be pushed once; the store refuses it in the write transaction when it already exists
        // (whatever digest it names: Harbor refuses pushing an existing immutable tag again, even unchanged).
        if (!byDigest && await immutability.IsImmutableAsync(repository, reference, cancellationToken))
            upload = upload with { RefuseExistingTag = ImmutableTagMessages.RegistryError(repository, reference) };
        var stored = await metadata.PutManifestAsync(upload, CancellationToken.None);
        if (!stored.Succeeded) return stored.Error;
        await RecordChangeAsync(context, repository, reference, ArtifactEvent.Create);
        var push = new ArtifactPush(repository, digest, document.Value.MediaType, byDigest ? null : reference, ProjectRegistryAccess.CallerName(context),
            document.Value.Subject?.Digest);
        foreach (var observer in observers) await observer.OnPushedAsync(push, CancellationToken.None);

        var response = context.Response;
        response.StatusCode = StatusCodes.Status201Created;
        response.Headers.Location = $"/v2/{repository}/manifests/{digest}";
        response.Headers[RegistryHeaders.ContentDigest] = digest.ToString();
        if (document.Value.Subject is { } subject) response.Headers[RegistryHeaders.Subject] = subject.Digest.ToString();
        response.ContentLength = 0;
        return null;
    }

    public async Task<OciError?> DeleteAsync(HttpContext context, string repository, string reference)
    {
        if (!options.Value.DeleteEnabled) return OciErrorCode.Unsupported.With("deletes are disabled on this registry");
        if (!IsReference(reference)) return InvalidReference(reference);
        var cancellationToken = context.RequestAborted;
        var byDigest = Digest.TryParse(reference, out var digest);
        if (await ImmutableTagInTheWayAsync(repository, reference, byDigest ? digest : null, cancellationToken) is { } immutable)
            return ImmutableTagMessages.RegistryError(repository, immutable);
        var deleted = byDigest
            ? await metadata.DeleteArtifactAsync(repository, digest, cancellationToken)
            : await metadata.DeleteTagAsync(repository, reference, cancellationToken);
        if (!deleted) return await NotFoundAsync(repository, reference, cancellationToken);
        await RecordChangeAsync(context, repository, reference, ArtifactEvent.Delete);
        context.Response.StatusCode = StatusCodes.Status202Accepted;
        return null;
    }

    /// <summary>
    /// The immutable tag a delete would remove: the tag itself when deleting by tag (if it exists), or any tag of the
    /// artifact when deleting by digest. Projects without rules answer from the cached rules, without a query.
    /// </summary>
    private async Task<string?> ImmutableTagInTheWayAsync(string repository, string reference, Digest? digest, CancellationToken cancellationToken)
    {
        if (digest is null)
        {
            return await immutability.IsImmutableAsync(repository, reference, cancellationToken)
                && await metadata.FindManifestAsync(repository, reference, cancellationToken) is not null
                ? reference
                : null;
        }
        if (await immutability.ForRepositoryAsync(repository, cancellationToken) is not { } immutable) return null;
        var found = await artifacts.FindRepositoryAsync(repository, cancellationToken);
        var artifact = found is null ? null : await artifacts.FindArtifactAsync(found.Id, digest.Value.ToString(), cancellationToken);
        return artifact?.Tags.Select(t => t.Name).FirstOrDefault(immutable);
    }

    private ValueTask RecordChangeAsync(HttpContext context, string repository, string reference, string operation) =>
        events.EnqueueChangeAsync(Event(context, repository, reference, operation), CancellationToken.None);

    private void Record(HttpContext context, string repository, string reference, string operation) =>
        events.Enqueue(Event(context, repository, reference, operation));

    private static ArtifactEvent Event(HttpContext context, string repository, string reference, string operation) =>
        new(repository, reference, operation, ProjectRegistryAccess.CallerName(context), DateTimeOffset.UtcNow);

    /// <summary>Reads the whole manifest, refusing more than <paramref name="limit"/> bytes with 413 before storing anything.</summary>
    private static async Task<Outcome<byte[]>> ReadBodyAsync(HttpRequest request, int limit, CancellationToken cancellationToken)
    {
        if (request.ContentLength > limit) return await RefuseOversizedAsync(request, limit, cancellationToken);
        var buffer = ArrayPool<byte>.Shared.Rent(request.ContentLength is { } length ? (int)length + 1 : 64 * 1024);
        var total = 0;
        try
        {
            while (true)
            {
                if (total == buffer.Length)
                {
                    if (total > limit) return await RefuseOversizedAsync(request, limit, cancellationToken);
                    var larger = ArrayPool<byte>.Shared.Rent(Math.Min(buffer.Length * 2, limit + 1));
                    buffer.AsSpan(0, total).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }
                int read;
                try
                {
                    read = await request.Body.ReadAsync(buffer.AsMemory(total), cancellationToken);
                }
                catch (IOException e)
                {
                    return OciErrorCode.SizeInvalid.With($"the manifest body broke off after {total} bytes: {e.Message}");
                }
                if (read == 0) break;
                total += read;
                if (total > limit) return await RefuseOversizedAsync(request, limit, cancellationToken);
            }
            return buffer.AsSpan(0, total).ToArray();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private async Task<OciError> NotFoundAsync(string repository, string reference, CancellationToken cancellationToken)
    {
        if (!await metadata.RepositoryExistsAsync(repository, cancellationToken))
            return OciErrorCode.NameUnknown.With($"repository {repository} is not known to this registry", detail: new { name = repository });
        return OciErrorCode.ManifestUnknown.With($"manifest '{reference}' is not in repository {repository}", detail: new { reference });
    }

    private static bool IsReference(string reference) => Digest.TryParse(reference, out _) || TagName.IsValid(reference);

    private static OciError InvalidReference(string reference) => Digest.IsUnsupportedAlgorithm(reference) || reference.Contains(':')
        ? BlobEndpoint.InvalidDigest(reference)
        : OciErrorCode.ManifestInvalid.With($"'{reference}' is neither a valid tag nor a digest");

    /// <summary>
    /// A manifest body is too large. Read (and drop) a bounded remainder first, so a
    /// client that is still sending receives the 413 instead of a reset connection.
    /// </summary>
    private static async Task<OciError> RefuseOversizedAsync(HttpRequest request, int limit, CancellationToken cancellationToken)
    {
        var scratch = ArrayPool<byte>.Shared.Rent(64 * 1024);
        try
        {
            long drained = 0;
            while (drained < 4L * limit)
            {
                var read = await request.Body.ReadAsync(scratch, cancellationToken);
                if (read == 0) break;
                drained += read;
            }
        }
        catch (IOException)
        {
            // The client gave up on its own; the answer stays the same.
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(scratch);
        }
        return TooLarge(limit);
    }

    private static OciError TooLarge(int limit) =>
        OciErrorCode.SizeInvalid.With($"the manifest is larger than the {limit / (1024 * 1024)} MiB this registry accepts", 413);
}
