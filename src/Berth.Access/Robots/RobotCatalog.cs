using System.Collections.Frozen;
using Berth.Access.Roles;

namespace Berth.Access.Robots;

/// <summary>
/// The resource and action names a robot's permission list may use, from Harbor's RBAC
/// (src/common/rbac/const.go): resources that live inside a project, and those that belong to the system.
/// Anything else is a typo that would silently grant nothing, so the API refuses it.
/// </summary>
public static class RobotCatalog
{
    public static readonly FrozenSet<string> ProjectResources = new[]
    {
        Resources.Repository, Resources.Artifact, Resources.Tag, Resources.ArtifactLabel, Resources.ArtifactAddition,
        Resources.Accessory, Resources.Scan, Resources.Sbom, Resources.Scanner, Resources.Label, Resources.Member,
        Resources.Metadata, Resources.Quota, Resources.Robot, Resources.TagRetention, Resources.ImmutableTag,
        Resources.NotificationPolicy, Resources.Log, "preheat-policy", Resources.ExportCve,
    }.ToFrozenSet(StringComparer.Ordinal);

    public static readonly FrozenSet<string> SystemResources = new[]
    {
        "audit-log", "catalog", Resources.Project, "user", "user-group", "registry", "replication", "replication-adapter",
        "replication-policy", "distribution", "garbage-collection", "scan-all", "system-volumes", "purge-audit",
        "jobservice-monitor", "security-hub", Resources.Label, Resources.Scanner, "preheat-instance", "ldap-user", Resources.ExportCve,
    }.ToFrozenSet(StringComparer.Ordinal);

    public static readonly FrozenSet<string> ActionNames = new[]
    {
        Actions.Any, Actions.Pull, Actions.Push, Actions.Create, Actions.Read, Actions.Update, Actions.Delete,
        Actions.List, Actions.Operate, Actions.ScannerPull, Actions.Stop,
    }.ToFrozenSet(StringComparer.Ordinal);
}
