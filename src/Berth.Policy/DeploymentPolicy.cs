using Berth.Metadata.Access;

namespace Berth.Policy;

/// <summary>
/// The project's deployment policy: every <see cref="IPolicyCheck"/> in order, collecting all violations (an
/// admission review lists them all; a pull shows the first), unless an exemption covers the artifact. Exemptions
/// are asked only when a check found something: most pulls pass, and an exemption may read the manifest. Every
/// manifest GET asks, so the
/// project row is remembered per policy revision (project changes advance it) instead of read on each pull;
/// without a revision (tests that change rows behind the policy's back) it is read every time.
/// </summary>
public sealed class DeploymentPolicy(
    IProjectStore projects, IEnumerable<IPolicyCheck> checks, IEnumerable<IPolicyExemption> exemptions,
    PolicyRevision? revision = null, TimeProvider? clock = null)
    : IArtifactPolicy
{
    private readonly PolicyInputMemo<string, ProjectRecord?>? _projects = revision is null ? null : new(revision, clock ?? TimeProvider.System);
    private readonly IPolicyCheck[] _checks = [.. checks.OrderBy(c => c.Order)];
    private readonly IPolicyExemption[] _exemptions = [.. exemptions];

    public async ValueTask<PolicyVerdict> EvaluateAsync(ArtifactSubject subject, CancellationToken cancellationToken)
    {
        var project = _projects is null
            ? await projects.FindAsync(subject.Project, cancellationToken)
            : await _projects.GetAsync(subject.Project, projects.FindAsync, cancellationToken);
        if (project is null) return PolicyVerdict.Allowed;

        List<PolicyViolation>? violations = null;
        DateTimeOffset? validUntil = null;
        foreach (var check in _checks)
        {
            var result = await check.CheckAsync(project, subject, cancellationToken);
            if (result.Violation is { } violation) (violations ??= []).Add(violation);
            if (result.ValidUntil is { } until && (validUntil is null || until < validUntil)) validUntil = until;
        }
        if (violations is null) return new PolicyVerdict([], validUntil);
        foreach (var exemption in _exemptions)
        {
            if (await exemption.IsExemptAsync(subject, cancellationToken)) return PolicyVerdict.Allowed;
        }
        return new PolicyVerdict(violations, validUntil);
    }
}
