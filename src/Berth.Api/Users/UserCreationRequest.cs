namespace Berth.Api.Users;

/// <summary>Harbor's <c>UserCreationReq</c>.</summary>
public sealed class UserCreationRequest
{
    public string? Username { get; set; }
    public string? Password { get; set; }
    public string? Email { get; set; }
    public string? Realname { get; set; }
    public string? Comment { get; set; }
}
