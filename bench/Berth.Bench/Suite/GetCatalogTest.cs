using Berth.Bench.Running;
using Berth.Bench.Scenarios;
using Berth.Bench.Workload;

namespace Berth.Bench.Suite;

/// <summary>
/// zb's "Get Catalog": GET /v2/_catalog with a fixed page size. Setup pushes a set of small images to
/// separate repositories so the listing has content; the page size is explicit because registries
/// differ in their default.
/// </summary>
public sealed class GetCatalogTest(int defaultRequests) : BenchTest("Get Catalog", defaultRequests)
{
    private const int SeededRepositories = 50;
    private const int PageSize = 100;

    public override async Task<IterationOutcome> SetupAsync(BenchContext context, CancellationToken cancellationToken)
    {
        for (var i = 0; i < SeededRepositories; i++)
        {
            var pushed = await ImagePush.PushAsync(context, context.NewRepository(Slug), "v1", BlobSize.OneMiB, LayerUpload.Monolith, cancellationToken);
            if (!pushed.Ok)
            {
                return pushed;
            }
        }

        return IterationOutcome.Success(0);
    }

    public override async Task<IterationOutcome> RunAsync(BenchContext context, int iteration, CancellationToken cancellationToken)
    {
        var reply = await context.Registry.GetCatalogAsync(PageSize, cancellationToken);
        return reply.Failed ? IterationOutcome.Failure(reply.Error) : IterationOutcome.Success(0);
    }
}
