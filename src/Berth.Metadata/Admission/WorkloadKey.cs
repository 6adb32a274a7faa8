namespace Berth.Metadata.Admission;

/// <summary>A workload as the admission audit knows it: its namespace (empty when cluster-scoped), kind and name.</summary>
public sealed record WorkloadKey(string Namespace, string Kind, string Name);
