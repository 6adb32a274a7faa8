namespace Berth.Policy;

/// <summary>
/// A counter that moves whenever something a deployment policy reads changes in this process: project
/// metadata, an allowlist, a scan report, a signature. Caches of verdicts (admission) key on it, so a
/// change is seen by the next decision.
/// </summary>
public sealed class PolicyRevision
{
    private long _current;

    public long Current => Interlocked.Read(ref _current);

    public void Advance() => Interlocked.Increment(ref _current);
}
