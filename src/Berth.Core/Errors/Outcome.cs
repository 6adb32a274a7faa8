namespace Berth.Core.Errors;

/// <summary>Either a value or the <see cref="OciError"/> that explains why there is none.</summary>
public readonly struct Outcome<T>
{
    private readonly T? _value;

    public OciError? Error { get; }

    public bool Succeeded => Error is null;

    public T Value => Error is null ? _value! : throw new InvalidOperationException($"outcome failed: {Error.Message}");

    private Outcome(T? value, OciError? error)
    {
        _value = value;
        Error = error;
    }

    public static implicit operator Outcome<T>(T value) => new(value, null);

    public static implicit operator Outcome<T>(OciError error) => new(default, error);
}
