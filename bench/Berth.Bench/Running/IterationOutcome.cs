namespace Berth.Bench.Running;

/// <summary>
/// What one iteration of a test did: a whole image push or pull, one catalog or manifest GET.
/// Payload counts blob bytes (layers and configs) moved either way.
/// </summary>
public readonly record struct IterationOutcome(bool Ok, long PayloadBytes, string? Error)
{
    public static IterationOutcome Success(long payloadBytes) => new(true, payloadBytes, null);

    public static IterationOutcome Failure(string error) => new(false, 0, error);
}
