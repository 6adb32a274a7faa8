namespace Berth.Metadata.Access;

/// <summary>The append-only audit log.</summary>
public interface IAuditLog
{
    Task AppendAsync(long? projectId, string username, string resource, string resourceType, string operation, CancellationToken cancellationToken);

    /// <summary>Newest first; of one project or (null) of all; with the total count for paging.</summary>
    Task<(IReadOnlyList<AuditEntry> Entries, int Total)> ListAsync(long? projectId, int offset, int limit, CancellationToken cancellationToken);
}
