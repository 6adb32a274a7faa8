namespace Berth.Policy.Admission;

/// <summary>A workload an admitted review showed, with every container it runs (not only those new in the review).</summary>
public sealed record AdmissionSighting(AdmissionTarget Target, IReadOnlyList<ContainerImage> Containers);
