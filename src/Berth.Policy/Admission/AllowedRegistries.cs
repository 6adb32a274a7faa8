using Berth.Core;

namespace Berth.Policy.Admission;

/// <summary>The configured allowed-registry constraints (or the default one), applied to a review's containers.</summary>
public sealed class AllowedRegistries(IReadOnlyList<AllowedReposConstraint> constraints)
{
    public IReadOnlyList<AllowedReposConstraint> Constraints { get; } = constraints;

    public void Evaluate(AdmissionTarget target, IReadOnlyList<ContainerImage> containers, AdmissionFindings findings)
    {
        // Each image is parsed once, not once per constraint.
        (ContainerImage Container, ImageReference? Image, string Error)[]? parsed = null;
        foreach (var constraint in Constraints)
        {
            if (!constraint.Match.Matches(target)) continue;
            parsed ??= [.. containers.Select(c => (c, ImageReference.TryParse(c.Image, out var image, out var error) ? image : null, error))];
            foreach (var (container, image, error) in parsed)
            {
                if (constraint.Violation(container, image, error) is { } message) findings.Add(constraint.Action, message);
            }
        }
    }
}
