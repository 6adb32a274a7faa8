namespace Berth.Api.Members;

/// <summary>Harbor's <c>RoleRequest</c>: <c>{"role_id":4}</c>.</summary>
public sealed class MemberRoleRequest
{
    public int? RoleId { get; set; }
}
