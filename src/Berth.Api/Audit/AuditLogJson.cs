using Berth.Metadata.Access;

namespace Berth.Api.Audit;

/// <summary>Harbor's legacy <c>AuditLog</c> JSON.</summary>
public sealed record AuditLogJson(long Id, string Username, string Resource, string ResourceType, string Operation, DateTimeOffset OpTime)
{
    public static AuditLogJson From(AuditEntry entry) =>
        new(entry.Id, entry.Username, entry.Resource, entry.ResourceType, entry.Operation, entry.OpTime);
}
