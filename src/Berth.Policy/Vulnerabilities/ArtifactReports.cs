using Berth.Core;
using Berth.Core.Manifests;
using Berth.Metadata;
using Berth.Metadata.Scans;

namespace Berth.Policy.Vulnerabilities;

/// <summary>
/// The scan reports that speak for an artifact: its own, or for an index those of its children (Berth scans an
/// index image by image). Harbor skips the check on an image index and leaves it to the children's pulls; Berth
/// applies it to the index too, so a runtime that resolves a tag to an index is refused at the first request.
/// </summary>
public sealed class ArtifactReports(IScanReportStore reports, IRegistryMetadata registry)
{
    /// <summary>The reports found (empty when none), and for an index the children's digests.</summary>
    public async Task<IReadOnlyList<ScanReportRecord>> FindAsync(ArtifactSubject subject, CancellationToken cancellationToken)
    {
        if (!MediaTypes.IsIndex(subject.MediaType))
            return await reports.FindAsync(subject.Digest.ToString(), cancellationToken) is { } own ? [own] : [];
        var children = await ChildrenAsync(subject.Repository, subject.Digest, cancellationToken);
        if (children.Count == 0) return [];
        var found = await reports.FindManyAsync([.. children.Select(child => child.ToString())], cancellationToken);
        return [.. children.Select(child => found.GetValueOrDefault(child.ToString())).OfType<ScanReportRecord>()];
    }

    /// <summary>
    /// Whether the artifact has files a scanner reads (an image with an image config, or an index listing one):
    /// Harbor lets an artifact that cannot be scanned (a chart, a signature, an SBOM) through without a report.
    /// </summary>
    public async Task<bool> IsScannableAsync(ArtifactSubject subject, CancellationToken cancellationToken)
    {
        if (!MediaTypes.IsIndex(subject.MediaType)) return await IsImageAsync(subject.Repository, subject.Digest, cancellationToken);
        foreach (var child in await ChildrenAsync(subject.Repository, subject.Digest, cancellationToken))
        {
            if (await IsImageAsync(subject.Repository, child, cancellationToken)) return true;
        }
        return false;
    }

    private async Task<IReadOnlyList<Digest>> ChildrenAsync(string repository, Digest index, CancellationToken cancellationToken)
    {
        var document = await DocumentAsync(repository, index, cancellationToken);
        return document is { IsIndex: true } ? [.. document.Manifests.Select(m => m.Digest).Distinct()] : [];
    }

    private async Task<bool> IsImageAsync(string repository, Digest digest, CancellationToken cancellationToken)
    {
        var document = await DocumentAsync(repository, digest, cancellationToken);
        return document is { IsIndex: false, ArtifactType: null, Config: { } config } && MediaTypes.IsImageConfig(config.MediaType) && document.Layers.Count > 0;
    }

    private async Task<ManifestDocument?> DocumentAsync(string repository, Digest digest, CancellationToken cancellationToken)
    {
        var manifest = await registry.FindManifestAsync(repository, digest.ToString(), cancellationToken);
        if (manifest is null) return null;
        var parsed = ManifestParser.Parse(manifest.Content, manifest.MediaType);
        return parsed.Succeeded ? parsed.Value : null;
    }
}
