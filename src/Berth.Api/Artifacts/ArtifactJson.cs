using System.Text.Json;
using Berth.Api.Scans;
using Berth.Core;
using Berth.Core.Manifests;
using Berth.Metadata.Artifacts;
using Berth.Scanning.Reports.Formats;

namespace Berth.Api.Artifacts;

/// <summary>
/// Harbor's <c>Artifact</c> JSON. As in Harbor, <see cref="MediaType"/> is the config's media type for an
/// image manifest and the manifest's own for an index; <see cref="ManifestMediaType"/> is always the manifest's.
/// </summary>
public sealed record ArtifactJson(
    long Id,
    string Type,
    string MediaType,
    string ManifestMediaType,
    string? ArtifactType,
    long ProjectId,
    long RepositoryId,
    string RepositoryName,
    string Digest,
    long Size,
    DateTimeOffset PushTime,
    DateTimeOffset? PullTime,
    IReadOnlyList<TagJson>? Tags,
    IReadOnlyList<ArtifactReferenceJson>? References,
    IReadOnlyDictionary<string, string> Annotations)
{
    /// <summary>With <c>with_scan_overview=true</c>: the vulnerability report's overview, keyed by its media type.</summary>
    public IReadOnlyDictionary<string, ScanOverview>? ScanOverview { get; init; }

    /// <summary>With <c>with_sbom_overview=true</c>: the SBOM's overview, from the same scan report.</summary>
    public SbomOverview? SbomOverview { get; init; }

    /// <param name="immutable">Whether a tag of this artifact is immutable (the project's rules, applied by the caller).</param>
    public static ArtifactJson From(ArtifactRecord artifact, bool withTags, Func<string, bool> immutable)
    {
        var parsed = ManifestParser.Parse(artifact.Content, artifact.MediaType);
        var document = parsed.Succeeded ? parsed.Value : null;
        var isIndex = MediaTypes.IsIndex(artifact.MediaType);
        var configType = document?.Config?.MediaType;
        var type = isIndex || (MediaTypes.IsImageConfig(configType) && document?.ArtifactType is null)
            ? "IMAGE"
            : artifact.ArtifactType ?? "UNKNOWN";
        var references = isIndex
            ? document?.Manifests.Select(m => new ArtifactReferenceJson(artifact.Id, m.Digest.ToString(),
                m.Platform is { } p ? new PlatformJson(p.Architecture, p.Os, p.Variant) : null)).ToList()
            : null;
        return new ArtifactJson(
            artifact.Id, type, isIndex ? artifact.MediaType : configType ?? artifact.MediaType, artifact.MediaType, artifact.ArtifactType,
            artifact.ProjectId, artifact.RepositoryId, artifact.RepositoryName, artifact.Digest.ToString(), artifact.Size,
            artifact.PushedAt, artifact.PulledAt, withTags ? artifact.Tags.Select(t => TagJson.From(t, immutable(t.Name))).ToList() : null, references,
            ReadAnnotations(artifact.AnnotationsJson));
    }

    /// <summary>Annotations are string to string by the OCI spec; anything else stored is shown as its JSON text.</summary>
    private static IReadOnlyDictionary<string, string> ReadAnnotations(string? json)
    {
        if (string.IsNullOrEmpty(json)) return new Dictionary<string, string>();
        using var document = JsonDocument.Parse(json);
        if (document.RootElement.ValueKind != JsonValueKind.Object) return new Dictionary<string, string>();
        return document.RootElement.EnumerateObject().ToDictionary(
            p => p.Name, p => p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString()! : p.Value.GetRawText());
    }
}
