using Berth.Metadata.Access;

namespace Berth.Policy;

/// <summary>
/// One rule of a project's deployment policy (signatures, vulnerabilities). Checks run in <see cref="Order"/>,
/// lowest first: Harbor reports a missing signature before vulnerabilities, and a pull shows the first violation.
/// </summary>
public interface IPolicyCheck
{
    int Order { get; }

    /// <summary>The violation, or null when the artifact passes (or the project does not enable this rule).</summary>
    ValueTask<PolicyCheckResult> CheckAsync(ProjectRecord project, ArtifactSubject subject, CancellationToken cancellationToken);
}
