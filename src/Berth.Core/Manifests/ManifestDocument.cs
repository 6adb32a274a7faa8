namespace Berth.Core.Manifests;

/// <summary>
/// What Berth needs to know of a pushed manifest or index: its media type, what it references
/// (config and layers, or child manifests), and the OCI 1.1 artifact fields.
/// </summary>
public sealed record ManifestDocument(
    string MediaType,
    Descriptor? Config,
    IReadOnlyList<Descriptor> Layers,
    IReadOnlyList<Descriptor> Manifests,
    Descriptor? Subject,
    string? ArtifactType,
    string? AnnotationsJson)
{
    public bool IsIndex => MediaTypes.IsIndex(MediaType);

    /// <summary>
    /// The artifact type the referrers API reports: the explicit <c>artifactType</c>, else for an image
    /// manifest its config media type (OCI image spec, "Guidelines for Artifact Usage").
    /// </summary>
    public string? EffectiveArtifactType => ArtifactType ?? (IsIndex ? null : Config?.MediaType);

    /// <summary>Blobs that must be present in the repository for the manifest to be accepted.</summary>
    public IEnumerable<Descriptor> RequiredBlobs
    {
        get
        {
            if (Config is not null) yield return Config;
            foreach (var layer in Layers)
            {
                if (!MediaTypes.IsNonDistributable(layer.MediaType)) yield return layer;
            }
        }
    }
}
