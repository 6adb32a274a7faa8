namespace Berth.Policy.Admission;

/// <summary>What a constraint's <c>spec.match</c> is tested against: the object under review.</summary>
/// <param name="ObjectLabels">The object's own <c>metadata.labels</c>.</param>
/// <param name="PodLabels">The labels of the pod it creates (the template's; the Pod's own for a Pod).</param>
public sealed record AdmissionTarget(
    string Group,
    string Kind,
    string Namespace,
    string Name,
    IReadOnlyDictionary<string, string> ObjectLabels,
    IReadOnlyDictionary<string, string> PodLabels);
