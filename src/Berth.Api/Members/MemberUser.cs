namespace Berth.Api.Members;

/// <summary>Harbor's <c>UserEntity</c>: the user to add, by id or by name.</summary>
public sealed class MemberUser
{
    public long? UserId { get; set; }
    public string? Username { get; set; }
}
