using Berth.Bench.Running;
using Berth.Bench.Scenarios;
using Berth.Bench.Workload;

namespace Berth.Bench.Suite;

/// <summary>zb's "Pull 75% and Push 25%": readers of one image while writers push new ones beside them.</summary>
public sealed class PullPushMixTest(string name, BlobSize size, double pullShare, int defaultRequests)
    : BenchTest(name, defaultRequests)
{
    private PushedImage? image;

    public override async Task<IterationOutcome> SetupAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var candidate = new PushedImage(context.NewRepository(Slug), "pulled");
        var pushed = await ImagePush.PushAsync(context, candidate.Repository, candidate.Tag, size, LayerUpload.Monolith, cancellationToken);
        image = pushed.Ok ? candidate : null;
        return pushed;
    }

    /// <summary>Pulls the image once, for the reason <see cref="PullTest.PrimeAsync"/> gives.</summary>
    public override Task<IterationOutcome> PrimeAsync(BenchContext context, CancellationToken cancellationToken) =>
        ImagePull.PullAsync(context, image!, cancellationToken);

    public override Task<IterationOutcome> RunAsync(BenchContext context, int iteration, CancellationToken cancellationToken)
    {
        var pulls = SeededNoise.UnitAt(context.Seed, iteration) < pullShare;
        return pulls
            ? ImagePull.PullAsync(context, image!, cancellationToken)
            : ImagePush.PushAsync(context, context.NewRepository(Slug), "v1", size, LayerUpload.Monolith, cancellationToken);
    }
}
