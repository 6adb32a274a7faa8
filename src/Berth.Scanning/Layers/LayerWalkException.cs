namespace Berth.Scanning.Layers;

/// <summary>
/// Carries a <see cref="LayerWalkFailure"/> out of the stream stack (decompressor, byte counter, tar reader) to the
/// walker, which turns it back into a value. Never escapes <see cref="LayerWalker"/>.
/// </summary>
internal sealed class LayerWalkException(LayerWalkFailure failure) : Exception(failure.Message)
{
    public LayerWalkFailure Failure { get; } = failure;

    public LayerWalkException(LayerFailureKind kind, string message) : this(new LayerWalkFailure(kind, message))
    {
    }
}
