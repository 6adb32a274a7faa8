namespace Berth.Metadata.Artifacts;

/// <summary>Writes /v2 artifact events into the audit log in batches, each under the project its repository belongs to.</summary>
public interface IArtifactEventLog
{
    Task AppendAsync(IReadOnlyList<ArtifactEvent> events, CancellationToken cancellationToken);
}
