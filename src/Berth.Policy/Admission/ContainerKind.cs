namespace Berth.Policy.Admission;

/// <summary>The three container lists of a pod spec; each names its containers differently in messages.</summary>
public enum ContainerKind
{
    Container,
    InitContainer,
    EphemeralContainer,
}
