using Berth.Policy.Admission;

namespace Berth.Composition;

/// <summary>The admission configuration as read at start: the constraints and settings, or what is wrong with them.</summary>
internal sealed record AdmissionRules(IReadOnlyList<AllowedReposConstraint>? Constraints, AdmissionSettings Settings, string? Error);
