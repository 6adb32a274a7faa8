using Berth.Metadata.Access;

namespace Berth.Policy;

/// <summary>
/// The project's deployment policy: exemptions first, then every <see cref="IPolicyCheck"/> in order, collecting
/// all violations (an admission review lists them all; a pull shows the first).
/// </summary>
public sealed class DeploymentPolicy(IProjectStore projects, IEnumerable<IPolicyCheck> checks, IEnumerable<IPolicyExemption> exemptions) : IArtifactPolicy
{
    private readonly IPolicyCheck[] _checks = [.. checks.OrderBy(c => c.Order)];
    private readonly IPolicyExemption[] _exemptions = [.. exemptions];

    public async ValueTask<PolicyVerdict> EvaluateAsync(ArtifactSubject subject, CancellationToken cancellationToken)
    {
        var project = await projects.FindAsync(subject.Project, cancellationToken);
        if (project is null) return PolicyVerdict.Allowed;
        foreach (var exemption in _exemptions)
        {
            if (await exemption.IsExemptAsync(subject, cancellationToken)) return PolicyVerdict.Allowed;
        }

        List<PolicyViolation>? violations = null;
        DateTimeOffset? validUntil = null;
        foreach (var check in _checks)
        {
            var result = await check.CheckAsync(project, subject, cancellationToken);
            if (result.Violation is { } violation) (violations ??= []).Add(violation);
            if (result.ValidUntil is { } until && (validUntil is null || until < validUntil)) validUntil = until;
        }
        return violations is null ? new PolicyVerdict([], validUntil) : new PolicyVerdict(violations, validUntil);
    }
}
