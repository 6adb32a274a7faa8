namespace Berth.Api.Users;

/// <summary>Harbor's <c>PasswordReq</c>.</summary>
public sealed class PasswordChangeRequest
{
    public string? OldPassword { get; set; }
    public string? NewPassword { get; set; }
}
