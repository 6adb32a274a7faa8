using Berth.Bench.Registry;
using Berth.Bench.Running;
using Berth.Bench.Workload;

namespace Berth.Bench.Scenarios;

/// <summary>
/// Pushes a single-layer image the way zb does: the layer, then the config blob, both with the same
/// upload style, then the manifest by tag. The layer is unique per push (see <see cref="BlobTemplate"/>).
/// </summary>
public static class ImagePush
{
    public static async Task<IterationOutcome> PushAsync(
        BenchContext context,
        string repository,
        string tag,
        BlobSize size,
        LayerUpload upload,
        CancellationToken cancellationToken)
    {
        var layer = context.NewLayer(size);
        var layerReply = await UploadBlobAsync(context, repository, layer, upload, cancellationToken);
        if (layerReply.Failed)
        {
            return IterationOutcome.Failure(layerReply.Error);
        }

        var config = ImageDocuments.Config(layer.Digest);
        var configReply = await UploadBlobAsync(context, repository, config, upload, cancellationToken);
        if (configReply.Failed)
        {
            return IterationOutcome.Failure(configReply.Error);
        }

        var manifest = ImageDocuments.Manifest(config, layer);
        var manifestReply = await context.Registry.PutManifestAsync(repository, tag, manifest, cancellationToken);
        return manifestReply.Failed
            ? IterationOutcome.Failure(manifestReply.Error)
            : IterationOutcome.Success(layer.Length + config.Length);
    }

    private static async Task<RegistryReply> UploadBlobAsync(
        BenchContext context,
        string repository,
        IBlobSource blob,
        LayerUpload upload,
        CancellationToken cancellationToken)
    {
        var started = await context.Registry.StartUploadAsync(repository, cancellationToken);
        if (started.Failed)
        {
            return started;
        }

        return upload == LayerUpload.Monolith
            ? await context.Registry.CompleteUploadAsync(started.Location!, blob.Digest, BlobContent.Whole(blob), cancellationToken)
            : await UploadChunksAsync(context, started.Location!, blob, cancellationToken);
    }

    private static async Task<RegistryReply> UploadChunksAsync(BenchContext context, Uri session, IBlobSource blob, CancellationToken cancellationToken)
    {
        if (context.ChunkBytes == 0)
        {
            // zb's and docker's "streamed" upload: the whole blob in one PATCH, no Content-Range.
            var streamed = await context.Registry.PatchChunkAsync(session, BlobContent.Whole(blob), null, cancellationToken);
            if (streamed.Failed)
            {
                return streamed;
            }

            session = streamed.Location!;
        }
        else
        {
            for (long offset = 0; offset < blob.Length; offset += context.ChunkBytes)
            {
                var count = Math.Min(context.ChunkBytes, blob.Length - offset);
                var range = $"{offset}-{offset + count - 1}";
                var patched = await context.Registry.PatchChunkAsync(session, BlobContent.Range(blob, offset, count), range, cancellationToken);
                if (patched.Failed)
                {
                    return patched;
                }

                session = patched.Location!;
            }
        }

        return await context.Registry.CompleteUploadAsync(session, blob.Digest, BlobContent.Empty(), cancellationToken);
    }
}
