using Berth.Access.Passwords;
using Berth.Api.Http;
using Microsoft.AspNetCore.Http;

namespace Berth.Api.Users;

public sealed partial class UserEndpoints
{
    /// <summary>
    /// PUT /users/{id}/password. Users changing their own password prove the old one (administrators too, as in
    /// Harbor); an administrator changing someone else's needs no old password. Remembered sign-ins are dropped,
    /// so the old password stops working on /v2 and /api at once.
    /// </summary>
    private async Task ChangePasswordAsync(HttpContext context, long userId)
    {
        var found = await AdministratorOrSelfAsync(context, userId, "change the password of");
        if (found is null) return;
        var (caller, user) = found.Value;
        var (request, error) = await ApiJson.ReadAsync<PasswordChangeRequest>(context);
        if (error is null && IsSelf(caller, user) && !PasswordHasher.Verify(request!.OldPassword ?? "", user.PasswordHash))
            error = HarborError.Forbidden("Current password is incorrect");
        error ??= UserRules.CheckPassword(request!.NewPassword);
        if (error is null && PasswordHasher.Verify(request!.NewPassword!, user.PasswordHash))
            error = HarborError.BadRequest("New password is identical to old password");
        if (error is not null)
        {
            await error.WriteAsync(context);
            return;
        }
        await users.SetPasswordAsync(user.Id, PasswordHasher.Hash(request!.NewPassword!), context.RequestAborted);
        credentials.Forget(user.Username);
        await audit.AppendAsync(null, caller.Name, user.Username, AuditType, "update", context.RequestAborted);
        context.Response.StatusCode = StatusCodes.Status200OK;
    }
}
