using Berth.Bench.Running;
using Berth.Bench.Scenarios;
using Berth.Bench.Workload;

namespace Berth.Bench.Suite;

/// <summary>zb's "Pull" tests: setup pushes one image per size in the mix, the iterations pull them.</summary>
public sealed class PullTest(string name, SizeMix sizes, int defaultRequests) : BenchTest(name, defaultRequests)
{
    private readonly Dictionary<BlobSize, PushedImage> images = [];

    public override async Task<IterationOutcome> SetupAsync(BenchContext context, CancellationToken cancellationToken)
    {
        foreach (var size in sizes.Sizes)
        {
            var image = new PushedImage(context.NewRepository(Slug), $"pull-{size.Label.ToLowerInvariant()}");
            var pushed = await ImagePush.PushAsync(context, image.Repository, image.Tag, size, LayerUpload.Monolith, cancellationToken);
            if (!pushed.Ok)
            {
                return pushed;
            }

            images[size] = image;
        }

        return IterationOutcome.Success(0);
    }

    /// <summary>
    /// Pulls every pushed image once. A registry that wrote the push through the page cache (Distribution)
    /// would otherwise serve its first pull from memory and one that wrote past it (Berth, O_DIRECT) from
    /// disk; the random warm-up draws may miss the rarest size, leaving that first read in the timed loop,
    /// where it lands on the p99. The timed loop measures serving, on equal terms.
    /// </summary>
    public override async Task<IterationOutcome> PrimeAsync(BenchContext context, CancellationToken cancellationToken)
    {
        foreach (var image in images.Values)
        {
            var pulled = await ImagePull.PullAsync(context, image, cancellationToken);
            if (!pulled.Ok)
            {
                return pulled;
            }
        }

        return IterationOutcome.Success(0);
    }

    public override Task<IterationOutcome> RunAsync(BenchContext context, int iteration, CancellationToken cancellationToken) =>
        ImagePull.PullAsync(context, images[sizes.Pick(context.Seed, iteration)], cancellationToken);
}
