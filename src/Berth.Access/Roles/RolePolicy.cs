using System.Collections.Frozen;
using static Berth.Access.Roles.Actions;
using static Berth.Access.Roles.Resources;

namespace Berth.Access.Roles;

/// <summary>
/// What each project role may do: Harbor's role matrix (src/common/rbac/project/rbac_role.go), and what
/// a public project grants everyone, anonymous callers included.
/// </summary>
public static class RolePolicy
{
    private static readonly FrozenDictionary<ProjectRole, FrozenSet<Permission>> ByRole = new Dictionary<ProjectRole, FrozenSet<Permission>>
    {
        [ProjectRole.ProjectAdmin] = Set(
            Grant(Repository, Create, Read, Update, Delete, List, Pull, Push),
            Grant(Artifact, Create, Read, Delete, List),
            Grant(Tag, List, Create, Delete),
            Grant(Scan, Create, Read, Stop), Grant(Sbom, Create, Read, Stop),
            Grant(Member, Create, Read, Update, Delete, List),
            Grant(Resources.Metadata, Create, Read, Update, Delete),
            Grant(Robot, Create, Read, Update, Delete, List),
            Grant(Label, Create, Read, Update, Delete, List),
            Grant(ImmutableTag, Create, Update, Delete, List),
            Grant(TagRetention, Create, Read, Update, Delete, List, Operate),
            Grant(NotificationPolicy, Create, Read, Update, Delete, List),
            Grant(Log, List),
            Grant(ArtifactLabel, Create, Delete),
            Grant(ExportCve, Create, Read, List),
            Grant(Project, Read, Update, Delete),
            Common),
        [ProjectRole.Maintainer] = Set(
            Grant(Repository, Create, Read, Update, Delete, List, Pull, Push),
            Grant(Artifact, Create, Read, Delete, List),
            Grant(Tag, List, Create, Delete),
            Grant(Scan, Create, Read, Stop), Grant(Sbom, Create, Read, Stop),
            Grant(Member, Read, List),
            Grant(Resources.Metadata, Read),
            Grant(Robot, Read, List),
            Grant(Label, Create, Read, Update, Delete, List),
            Grant(ImmutableTag, Create, Update, Delete, List),
            Grant(TagRetention, Create, Read, Update, Delete, List, Operate),
            Grant(NotificationPolicy, Read, List),
            Grant(ArtifactLabel, Create, Delete),
            Grant(ExportCve, Create, Read, List),
            Grant(Project, Read),
            Common),
        [ProjectRole.Developer] = Set(
            Grant(Repository, Create, Read, Update, List, Pull, Push),
            Grant(Artifact, Create, Read, List),
            Grant(Tag, List, Create),
            Grant(Scan, Read), Grant(Sbom, Read),
            Grant(Member, Read, List),
            Grant(Robot, Read, List),
            Grant(Label, Read, List),
            Grant(TagRetention, Create, Read, Update, Delete, List, Operate),
            Grant(ArtifactLabel, Create, Delete),
            Grant(ExportCve, Create, Read, List),
            Grant(Project, Read),
            Common),
        [ProjectRole.Guest] = Set(
            Grant(Repository, Read, List, Pull),
            Grant(Artifact, Read, List),
            Grant(Tag, List),
            Grant(Scan, Read), Grant(Sbom, Read),
            Grant(Member, Read, List),
            Grant(Robot, Read, List),
            Grant(Label, Read, List),
            Grant(Project, Read),
            Common),
        [ProjectRole.LimitedGuest] = Set(
            Grant(Repository, Read, List, Pull),
            Grant(Artifact, Read, List),
            Grant(Tag, List),
            Grant(Scan, Read), Grant(Sbom, Read),
            Grant(Project, Read),
            Common),
    }.ToFrozenDictionary();

    /// <summary>What every role has besides its own column.</summary>
    private static Permission[] Common =>
    [
        new(Quota, Read), new(Configuration, Read), new(Scanner, Read), new(ArtifactAddition, Read), new(Accessory, List),
    ];

    /// <summary>What a public project gives every caller, signed in or not.</summary>
    public static readonly FrozenSet<Permission> PublicProject = Set(
        Grant(Repository, List, Pull),
        Grant(Label, Read, List),
        Grant(Scan, Read),
        Grant(Scanner, Read),
        Grant(Tag, List),
        Grant(Artifact, Read, List),
        Grant(ArtifactAddition, Read),
        Grant(Accessory, List),
        Grant(Project, Read));

    public static bool Grants(ProjectRole role, Permission permission) =>
        ByRole.TryGetValue(role, out var granted) && granted.Contains(permission);

    public static IReadOnlySet<Permission> For(ProjectRole role) => ByRole[role];

    private static Permission[] Grant(string resource, params string[] actions) =>
        actions.Select(action => new Permission(resource, action)).ToArray();

    private static FrozenSet<Permission> Set(params Permission[][] groups) => groups.SelectMany(g => g).ToFrozenSet();
}
