namespace Berth.Policy.Admission;

/// <summary>One container of a pod spec and the image it runs, as written in the object.</summary>
/// <param name="Index">Its position in its list, for a patch that points at it.</param>
public sealed record ContainerImage(ContainerKind Kind, string Name, string Image, int Index = 0)
{
    /// <summary>Gatekeeper's word for the list: <c>container</c>, <c>initContainer</c>, <c>ephemeralContainer</c>.</summary>
    public string Label => Kind switch
    {
        ContainerKind.InitContainer => "initContainer",
        ContainerKind.EphemeralContainer => "ephemeralContainer",
        _ => "container",
    };
}
