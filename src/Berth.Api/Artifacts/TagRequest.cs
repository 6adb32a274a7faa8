namespace Berth.Api.Artifacts;

/// <summary>The body of <c>POST …/artifacts/{reference}/tags</c>: <c>{"name":"v2"}</c>.</summary>
public sealed record TagRequest(string? Name);
