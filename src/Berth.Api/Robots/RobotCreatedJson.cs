namespace Berth.Api.Robots;

/// <summary>Harbor's <c>RobotCreated</c>: the only answer besides a refresh that carries the secret.</summary>
public sealed record RobotCreatedJson(long Id, string Name, string Secret, DateTimeOffset CreationTime, long ExpiresAt);
