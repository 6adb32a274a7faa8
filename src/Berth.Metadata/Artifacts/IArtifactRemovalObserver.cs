namespace Berth.Metadata.Artifacts;

/// <summary>
/// Told of every committed artifact or tag delete, so what caches decisions about artifacts (the deployment policy's
/// revision) sees that a signature is gone. An observer handles its own failures: the delete has already happened.
/// </summary>
public interface IArtifactRemovalObserver
{
    Task OnRemovedAsync(ArtifactRemoval removal, CancellationToken cancellationToken);
}
