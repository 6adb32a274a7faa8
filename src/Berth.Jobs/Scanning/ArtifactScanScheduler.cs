using Berth.Core;
using Berth.Metadata;
using Berth.Metadata.Scans;
using Berth.Policy;
using Microsoft.Extensions.Options;

namespace Berth.Jobs.Scanning;

/// <summary>
/// Turns "scan this artifact" into rows of the durable queue: an image queues its own report, an index each image
/// it lists (its overview is then the children's, merged), anything else is refused with the reason. Stopping works on
/// the same rows: a stopped report is Stopped at once, and the scan running it here is cancelled.
/// </summary>
public sealed class ArtifactScanScheduler(
    IRegistryMetadata registry, IScanReportStore reports, ScanQueueSignal signal, RunningScans running, PolicyRevision policyRevision,
    IOptions<ScannerOptions> options, TimeProvider clock) : IScanScheduler
{
    private const int ScanAllPage = 500;

    public async Task<ScanScheduling> ScheduleAsync(string repository, string digest, CancellationToken cancellationToken)
    {
        if (!options.Value.Enabled) return ScanScheduling.Refused($"the scanner is disabled ({ScannerOptions.Section}:Enabled is false)");
        var manifest = await registry.FindManifestAsync(repository, digest, cancellationToken);
        if (manifest is null) return ScanScheduling.Refused($"artifact {digest} is not in {repository}");

        var target = ScanTarget.Of(manifest.MediaType, manifest.Content);
        List<ScanRequest> requests = [];
        switch (target.Kind)
        {
            case ScanTargetKind.Unsupported:
                return ScanScheduling.Refused($"{repository}@{digest} cannot be scanned: {target.Reason}");
            case ScanTargetKind.Image:
                requests.Add(new ScanRequest(repository, manifest.Digest.ToString()));
                break;
            case ScanTargetKind.Index:
                foreach (var child in target.Children)
                {
                    if (await ImageRequestAsync(repository, child, cancellationToken) is { } request) requests.Add(request);
                }
                if (requests.Count == 0) return ScanScheduling.Refused($"{repository}@{digest} lists no image that can be scanned");
                break;
        }

        var queued = await reports.RequestManyAsync(requests, clock.GetUtcNow(), cancellationToken);
        // A queued scan makes the report Pending, which pull prevention refuses until it succeeds.
        if (queued > 0) policyRevision.Advance();
        signal.Notify(queued);
        return ScanScheduling.Scheduled(requests.Count);
    }

    public async Task<int> ScheduleAllAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.Enabled) return 0;
        var queued = 0;
        long after = 0;
        while (true)
        {
            var page = await reports.ListImageArtifactsAsync(after, ScanAllPage, cancellationToken);
            if (page.Count == 0) return queued;
            after = page[^1].Row;
            List<ScanRequest> requests = [.. page
                .Where(candidate => ScanTarget.Of(candidate.MediaType, candidate.Content).Kind == ScanTargetKind.Image)
                .Select(candidate => new ScanRequest(candidate.Repository, candidate.Digest))];
            var added = await reports.RequestManyAsync(requests, clock.GetUtcNow(), cancellationToken);
            if (added > 0) policyRevision.Advance();
            signal.Notify(added);
            queued += added;
        }
    }

    public async Task<ScanStop> StopAsync(string repository, string digest, CancellationToken cancellationToken)
    {
        var manifest = await registry.FindManifestAsync(repository, digest, cancellationToken);
        if (manifest is null) return ScanStop.Missing($"artifact {digest} is not in {repository}");
        var target = ScanTarget.Of(manifest.MediaType, manifest.Content);
        IReadOnlyList<string> digests = target.Kind == ScanTargetKind.Index
            ? [.. target.Children.Select(child => child.ToString())]
            : [manifest.Digest.ToString()];
        // As Harbor: no scan ever asked for is "not found"; a finished one is accepted and left as it is.
        if ((await reports.FindManyAsync(digests, cancellationToken)).Count == 0)
            return ScanStop.Missing($"no scan of artifact {digest} in {repository} was found");
        var stopped = await reports.StopAsync(digests, clock.GetUtcNow(), cancellationToken);
        Stopped(stopped);
        return ScanStop.Of(stopped.Count);
    }

    public async Task<int> StopAllAsync(CancellationToken cancellationToken)
    {
        var stopped = await reports.StopAllAsync(clock.GetUtcNow(), cancellationToken);
        Stopped(stopped);
        return stopped.Count;
    }

    private void Stopped(IReadOnlyList<string> reportIds)
    {
        if (reportIds.Count == 0) return;
        // Scans running in this process end now; those of other replicas when their watch reads the row.
        running.Cancel(reportIds);
        // Pending or Running made a pull wait (or be refused); Stopped is what pull prevention sees from now on.
        policyRevision.Advance();
    }

    private async Task<ScanRequest?> ImageRequestAsync(string repository, Digest child, CancellationToken cancellationToken)
    {
        var manifest = await registry.FindManifestAsync(repository, child.ToString(), cancellationToken);
        return manifest is not null && ScanTarget.Of(manifest.MediaType, manifest.Content).Kind == ScanTargetKind.Image
            ? new ScanRequest(repository, child.ToString())
            : null;
    }
}
