namespace Berth.Metadata.Artifacts;

/// <summary>
/// Told of every stored push, after the manifest is committed and before the client gets its 201: scan on push
/// hooks in here. The registry defines when it is called; what reacts (the job runner) registers itself, so the
/// registry never depends on it. An observer handles its own failures: the push has already succeeded.
/// </summary>
public interface IArtifactPushObserver
{
    Task OnPushedAsync(ArtifactPush push, CancellationToken cancellationToken);
}
