using System.Text.Json;

namespace Berth.Api.Members;

/// <summary>
/// Harbor's <c>ProjectMember</c> request: a role and a user. Harbor's <c>member_group</c> is read only to
/// refuse it clearly, since Berth has no groups.
/// </summary>
public sealed class MemberRequest
{
    public int? RoleId { get; set; }
    public MemberUser? MemberUser { get; set; }
    public JsonElement? MemberGroup { get; set; }
}
