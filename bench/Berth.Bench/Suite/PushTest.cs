using Berth.Bench.Running;
using Berth.Bench.Scenarios;

namespace Berth.Bench.Suite;

/// <summary>zb's "Push Monolith" and "Push Chunk" tests: every iteration pushes a new image to a new repository.</summary>
public sealed class PushTest(string name, SizeMix sizes, LayerUpload upload, int defaultRequests)
    : BenchTest(name, defaultRequests)
{
    public override Task<IterationOutcome> RunAsync(BenchContext context, int iteration, CancellationToken cancellationToken) =>
        ImagePush.PushAsync(context, context.NewRepository(Slug), "v1", sizes.Pick(context.Seed, iteration), upload, cancellationToken);
}
