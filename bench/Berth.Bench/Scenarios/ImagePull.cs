using Berth.Bench.Registry;
using Berth.Bench.Running;
using Berth.Bench.Workload;

namespace Berth.Bench.Scenarios;

/// <summary>
/// Pulls an image by tag as a client does: HEAD the manifest, GET it, then GET the config and every
/// layer, reading each body to the end and checking its length against the manifest.
/// </summary>
public static class ImagePull
{
    public static async Task<IterationOutcome> PullAsync(BenchContext context, PushedImage image, CancellationToken cancellationToken)
    {
        var registry = context.Registry;
        var head = await registry.HeadManifestAsync(image.Repository, image.Tag, cancellationToken);
        if (head.Failed)
        {
            return IterationOutcome.Failure(head.Error);
        }

        var get = await registry.GetManifestAsync(image.Repository, image.Tag, BodyHandling.Keep, cancellationToken);
        if (get.Failed)
        {
            return IterationOutcome.Failure(get.Error);
        }

        if (!PulledManifest.TryParse(get.Body, out var manifest, out var parseError))
        {
            return IterationOutcome.Failure($"GET manifest {image.Repository}:{image.Tag}: {parseError}");
        }

        long payload = 0;
        foreach (var blob in manifest.Layers.Prepend(manifest.Config))
        {
            var fetched = await registry.GetBlobAsync(image.Repository, blob.Digest, cancellationToken);
            if (fetched.Failed)
            {
                return IterationOutcome.Failure(fetched.Error);
            }

            if (fetched.BodyBytes != blob.Size)
            {
                return IterationOutcome.Failure($"GET blob {blob.Digest}: {fetched.BodyBytes} bytes, manifest says {blob.Size}");
            }

            payload += fetched.BodyBytes;
        }

        return IterationOutcome.Success(payload);
    }
}
