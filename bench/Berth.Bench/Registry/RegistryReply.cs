using System.Diagnostics.CodeAnalysis;

namespace Berth.Bench.Registry;

/// <summary>
/// The outcome of one HTTP exchange: either the expected status with what the caller needs from it, or
/// an error that says which request got what.
/// </summary>
public sealed record RegistryReply(int Status, Uri? Location, long BodyBytes, byte[]? Body, string? Error)
{
    [MemberNotNullWhen(true, nameof(Error))]
    public bool Failed => Error is not null;

    public static RegistryReply Fault(string error) => new(0, null, 0, null, error);
}
