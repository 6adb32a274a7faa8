using Berth.Access.Roles;
using Berth.Metadata.Access;

namespace Berth.Api.Members;

/// <summary>Harbor's <c>ProjectMemberEntity</c>; Berth's members are always users (<c>entity_type</c> "u").</summary>
public sealed record MemberJson(long Id, long ProjectId, string EntityName, string RoleName, int RoleId, long EntityId, string EntityType)
{
    public static MemberJson From(ProjectMember member) =>
        new(member.Id, member.ProjectId, member.Username, NameOf((ProjectRole)member.Role), member.Role, member.UserId, "u");

    /// <summary>Harbor's role names (its <c>role.name</c> column), which clients match on.</summary>
    public static string NameOf(ProjectRole role) => role switch
    {
        ProjectRole.ProjectAdmin => "projectAdmin",
        ProjectRole.Developer => "developer",
        ProjectRole.Guest => "guest",
        ProjectRole.Maintainer => "maintainer",
        ProjectRole.LimitedGuest => "limitedGuest",
        _ => "unknown",
    };
}
