namespace Berth.Metadata.Access;

/// <summary>Robot accounts.</summary>
public interface IRobotStore
{
    Task<RobotRecord?> FindAsync(string name, CancellationToken cancellationToken);

    Task<RobotRecord?> FindAsync(long id, CancellationToken cancellationToken);

    /// <summary>The stored robot (its id filled in), or null when the name is taken.</summary>
    Task<RobotRecord?> CreateAsync(RobotRecord robot, CancellationToken cancellationToken);

    /// <summary>Replaces description, duration, expiry, disabled flag and permissions.</summary>
    Task<bool> UpdateAsync(RobotRecord robot, CancellationToken cancellationToken);

    Task<bool> SetSecretAsync(long id, string secretHash, CancellationToken cancellationToken);

    Task<bool> DeleteAsync(long id, CancellationToken cancellationToken);

    /// <summary>Robots of one project, or (null) every robot.</summary>
    Task<IReadOnlyList<RobotRecord>> ListAsync(long? projectId, CancellationToken cancellationToken);
}
