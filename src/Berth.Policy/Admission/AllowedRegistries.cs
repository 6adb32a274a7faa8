using Berth.Core;

namespace Berth.Policy.Admission;

/// <summary>The configured allowed-registry constraints (or the default one), applied to a review's containers.</summary>
public sealed class AllowedRegistries(IReadOnlyList<AllowedReposConstraint> constraints)
{
    public IReadOnlyList<AllowedReposConstraint> Constraints { get; } = constraints;

    public void Evaluate(AdmissionTarget target, IReadOnlyList<ContainerImage> containers, AdmissionFindings findings)
    {
        foreach (var constraint in Constraints)
        {
            if (!constraint.Match.Matches(target)) continue;
            foreach (var container in containers)
            {
                var parsed = ImageReference.TryParse(container.Image, out var image, out var error);
                if (constraint.Violation(container, parsed ? image : null, error) is { } message) findings.Add(constraint.Action, message);
            }
        }
    }
}
