using Berth.Bench.Registry;
using Berth.Bench.Running;
using Berth.Bench.Scenarios;
using Berth.Bench.Workload;

namespace Berth.Bench.Suite;

/// <summary>
/// Many small GETs of one manifest by tag with an OCI Accept header: the request a cluster makes on
/// every pod start, and the measure of per-request overhead (routing, tag lookup, auth).
/// </summary>
public sealed class ManifestGetTest(int defaultRequests) : BenchTest("Manifest GET by tag", defaultRequests)
{
    private PushedImage? image;

    public override async Task<IterationOutcome> SetupAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var candidate = new PushedImage(context.NewRepository(Slug), "latest");
        var pushed = await ImagePush.PushAsync(context, candidate.Repository, candidate.Tag, BlobSize.OneMiB, LayerUpload.Monolith, cancellationToken);
        image = pushed.Ok ? candidate : null;
        return pushed;
    }

    public override async Task<IterationOutcome> RunAsync(BenchContext context, int iteration, CancellationToken cancellationToken)
    {
        var reply = await context.Registry.GetManifestAsync(image!.Repository, image.Tag, BodyHandling.Discard, cancellationToken);
        return reply.Failed ? IterationOutcome.Failure(reply.Error) : IterationOutcome.Success(0);
    }
}
