namespace Berth.Api.Users;

/// <summary>Harbor's <c>UserSysAdminFlag</c>.</summary>
public sealed class SysAdminFlagRequest
{
    public bool? SysadminFlag { get; set; }
}
