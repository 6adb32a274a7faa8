namespace Berth.Policy.Admission;

/// <summary>
/// Where each pod-creating kind keeps its pod spec, as JSON property names from the object's root; the same
/// table <see cref="PodTemplate.Find"/> reads, written as paths so a patch can point into them.
/// </summary>
public static class PodSpecPath
{
    private static readonly string[] PodSpec = ["spec"];
    private static readonly string[] TemplateSpec = ["template", "spec"];
    private static readonly string[] WorkloadSpec = ["spec", "template", "spec"];
    private static readonly string[] CronJobSpec = ["spec", "jobTemplate", "spec", "template", "spec"];

    /// <summary>The path, or null for a kind that creates no pods.</summary>
    public static IReadOnlyList<string>? For(string kind) => kind switch
    {
        "Pod" => PodSpec,
        "PodTemplate" => TemplateSpec,
        "CronJob" => CronJobSpec,
        "Deployment" or "ReplicaSet" or "StatefulSet" or "DaemonSet" or "Job" or "ReplicationController" => WorkloadSpec,
        _ => null,
    };

    /// <summary>The JSON property of each container list.</summary>
    public static string ListField(ContainerKind kind) => kind switch
    {
        ContainerKind.InitContainer => "initContainers",
        ContainerKind.EphemeralContainer => "ephemeralContainers",
        _ => "containers",
    };
}
