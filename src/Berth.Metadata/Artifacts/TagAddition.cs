namespace Berth.Metadata.Artifacts;

/// <summary>What adding a tag through the API did.</summary>
public enum TagAddition
{
    Added,
    /// <summary>The repository already has a tag of that name (on this or another artifact); nothing changed.</summary>
    Exists,
    /// <summary>The artifact was deleted meanwhile.</summary>
    ArtifactGone,
}
