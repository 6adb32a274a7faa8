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

    public override Task<IterationOutcome> RunAsync(BenchContext context, int iteration, CancellationToken cancellationToken) =>
        ImagePull.PullAsync(context, images[sizes.Pick(context.Seed, iteration)], cancellationToken);
}
