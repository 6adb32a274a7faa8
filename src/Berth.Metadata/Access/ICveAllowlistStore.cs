namespace Berth.Metadata.Access;

/// <summary>The system CVE allowlist and each project's own.</summary>
public interface ICveAllowlistStore
{
    /// <summary>The list, or null when none was ever set (an empty list then applies).</summary>
    Task<CveAllowlist?> FindAsync(long projectId, CancellationToken cancellationToken);

    Task SetAsync(long projectId, DateTimeOffset? expiresAt, IReadOnlyList<string> items, CancellationToken cancellationToken);
}
