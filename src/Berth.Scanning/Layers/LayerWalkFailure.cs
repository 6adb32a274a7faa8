namespace Berth.Scanning.Layers;

/// <summary>A layer that could not be analyzed, with a message naming what was wrong and where.</summary>
public sealed record LayerWalkFailure(LayerFailureKind Kind, string Message)
{
    public override string ToString() => $"{Kind}: {Message}";
}
