namespace Berth.Policy.Admission;

/// <summary>
/// A constraint's <c>spec.match</c>: every matcher given must hold; none given matches everything. A constraint
/// that names the Pod kind also applies to the pod template of a workload (Deployment, CronJob, …), with the
/// template's labels, as Gatekeeper's expansion does, so a Pod-only rule stops a Deployment at once instead of
/// failing later inside its ReplicaSet.
/// </summary>
public sealed record ConstraintMatch(
    IReadOnlyList<KindMatcher> Kinds,
    IReadOnlyList<NamePattern> Namespaces,
    IReadOnlyList<NamePattern> ExcludedNamespaces,
    LabelSelector? LabelSelector,
    NamePattern? Name,
    string Scope)
{
    public static ConstraintMatch Everything { get; } = new([], [], [], null, null, "*");

    public bool Matches(AdmissionTarget target)
    {
        var labels = target.ObjectLabels;
        if (Kinds.Count > 0 && !Kinds.Any(k => k.Matches(target.Group, target.Kind)))
        {
            if (target.Kind == "Pod" || !Kinds.Any(k => k.Matches("", "Pod"))) return false;
            labels = target.PodLabels;
        }
        var clusterScoped = target.Namespace.Length == 0;
        if (Scope == "Namespaced" && clusterScoped) return false;
        if (Scope == "Cluster" && !clusterScoped) return false;
        // Namespace matchers do not exclude cluster-scoped objects (Gatekeeper's rule).
        if (!clusterScoped)
        {
            if (Namespaces.Count > 0 && !Namespaces.Any(n => n.Matches(target.Namespace))) return false;
            if (ExcludedNamespaces.Any(n => n.Matches(target.Namespace))) return false;
        }
        if (Name is { } name && !name.Matches(target.Name)) return false;
        return LabelSelector is null || LabelSelector.Matches(labels);
    }
}
