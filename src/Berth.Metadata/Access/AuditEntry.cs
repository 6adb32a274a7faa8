namespace Berth.Metadata.Access;

/// <summary>
/// One audit log line in Harbor's legacy shape: who (<see cref="Username"/>), did what
/// (<see cref="Operation"/>: create, delete, pull, update), to what (<see cref="Resource"/> of
/// <see cref="ResourceType"/>), when.
/// </summary>
public sealed record AuditEntry(long Id, long? ProjectId, string Username, string Resource, string ResourceType, string Operation, DateTimeOffset OpTime);
