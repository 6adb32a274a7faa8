using Berth.Access.Roles;

namespace Berth.Access.Identity;

/// <summary>
/// One entry of a robot's permission list: actions in one project (by name), in every project
/// (<c>*</c>), or at system level (<c>kind: system</c>), as Harbor's robot API writes them.
/// </summary>
public sealed record RobotGrant(string Kind, string Namespace, IReadOnlyList<Permission> Access)
{
    public const string ProjectKind = "project";
    public const string SystemKind = "system";
    public const string AllProjects = "*";

    public bool Covers(string projectName) =>
        Kind == ProjectKind && (Namespace == AllProjects || Namespace == projectName);

    public bool Allows(Permission permission) =>
        Access.Any(a => a.Resource == permission.Resource && (a.Action == permission.Action || a.Action == Actions.Any));
}
