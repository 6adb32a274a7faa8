namespace Berth.Core.Errors;

/// <summary>
/// An expected failure of a registry operation: the spec's code, a message naming what was wrong, the
/// HTTP status to answer with, and an optional structured detail. Returned as a value, never thrown.
/// </summary>
public sealed record OciError(OciErrorCode Code, string Message, int Status, object? Detail);
