namespace Berth.Scanning.Layers;

/// <summary>The outcome of walking one layer: an analysis, or a failure saying why there is none.</summary>
public sealed record LayerWalkResult
{
    private LayerWalkResult(LayerAnalysis? analysis, LayerWalkFailure? failure)
    {
        Analysis = analysis;
        Failure = failure;
    }

    public LayerAnalysis? Analysis { get; }

    public LayerWalkFailure? Failure { get; }

    public bool Succeeded => Analysis is not null;

    public static LayerWalkResult Success(LayerAnalysis analysis) => new(analysis, null);

    public static LayerWalkResult Failed(LayerWalkFailure failure) => new(null, failure);

    public static LayerWalkResult Failed(LayerFailureKind kind, string message) => new(null, new LayerWalkFailure(kind, message));

    public override string ToString() => Failure?.ToString() ?? $"analysis of {Analysis!.DiffId}";
}
