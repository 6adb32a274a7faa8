namespace Berth.Policy.Admission;

/// <summary>One container of a pod spec and the image it runs, as written in the object.</summary>
public sealed record ContainerImage(ContainerKind Kind, string Name, string Image)
{
    /// <summary>Gatekeeper's word for the list: <c>container</c>, <c>initContainer</c>, <c>ephemeralContainer</c>.</summary>
    public string Label => Kind switch
    {
        ContainerKind.InitContainer => "initContainer",
        ContainerKind.EphemeralContainer => "ephemeralContainer",
        _ => "container",
    };
}
