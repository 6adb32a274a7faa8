using Berth.Metadata.Access;

namespace Berth.Api.Users;

/// <summary>Harbor's <c>UserResp</c>. Built field by field from the account so the password hash can never leak into it.</summary>
public sealed record UserJson(
    long UserId,
    string Username,
    string Email,
    string Realname,
    string Comment,
    bool SysadminFlag,
    bool AdminRoleInAuth,
    DateTimeOffset CreationTime,
    DateTimeOffset UpdateTime)
{
    public static UserJson From(UserAccount user) => new(
        user.Id, user.Username, user.Email, user.Realname, user.Comment, user.SysAdmin, false, user.CreatedAt, user.UpdatedAt);
}
