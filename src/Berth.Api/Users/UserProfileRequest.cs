namespace Berth.Api.Users;

/// <summary>Harbor's <c>UserProfile</c>: the fields a user may change about themself.</summary>
public sealed class UserProfileRequest
{
    public string? Email { get; set; }
    public string? Realname { get; set; }
    public string? Comment { get; set; }
}
