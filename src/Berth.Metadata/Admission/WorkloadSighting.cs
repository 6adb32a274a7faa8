namespace Berth.Metadata.Admission;

/// <summary>
/// A workload as an admitted review showed it: its API group, the labels constraints match on (the object's own
/// and its pod template's, as JSON objects), every container it runs, and when it was seen.
/// </summary>
public sealed record WorkloadSighting(
    WorkloadKey Key, string Group, string ObjectLabelsJson, string PodLabelsJson, IReadOnlyList<WorkloadImage> Images, DateTimeOffset SeenAt);
