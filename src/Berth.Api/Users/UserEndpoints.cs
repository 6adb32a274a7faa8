using Berth.Access.Authentication;
using Berth.Access.Identity;
using Berth.Access.Passwords;
using Berth.Api.Bootstrap;
using Berth.Api.Http;
using Berth.Metadata.Access;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Berth.Api.Users;

/// <summary>
/// <c>/api/v2.0/users</c>: local accounts, with Harbor's paths, fields and statuses. System administrators
/// manage everyone; a user may read and edit their own profile and password; any signed-in user may search names.
/// </summary>
public sealed partial class UserEndpoints(ApiCaller callers, IUserStore users, CredentialVerifier credentials, IAuditLog audit)
{
    private const string AuditType = "user";

    public void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/users", ListAsync);
        api.MapPost("/users", CreateAsync);
        api.MapGet("/users/current", CurrentAsync);
        api.MapGet("/users/search", SearchAsync);
        api.MapGet("/users/{userId:long}", GetAsync);
        api.MapPut("/users/{userId:long}", UpdateProfileAsync);
        api.MapDelete("/users/{userId:long}", DeleteAsync);
        api.MapPut("/users/{userId:long}/sysadmin", SetSysAdminAsync);
        api.MapPut("/users/{userId:long}/password", ChangePasswordAsync);
    }

    private async Task ListAsync(HttpContext context)
    {
        var caller = await AdministratorAsync(context, "list users");
        if (caller is null) return;
        var (filter, error) = UserFilter.Parse(context.Request.Query);
        if (error is not null)
        {
            await error.WriteAsync(context);
            return;
        }
        // The store narrows by name only; exact and email terms are applied here. Local user tables are small
        // (people, not robots), so reading the narrowed set whole is cheap and keeps the total exact.
        var (candidates, _) = await users.ListAsync(filter!.NameFragment, 0, int.MaxValue, context.RequestAborted);
        var matching = candidates.Where(filter.Matches).ToList();
        await Paging.WritePageAsync(context, matching, UserJson.From);
    }

    private async Task CreateAsync(HttpContext context)
    {
        var caller = await AdministratorAsync(context, "create users");
        if (caller is null) return;
        var (request, error) = await ApiJson.ReadAsync<UserCreationRequest>(context);
        var (email, realname, comment) = (request?.Email ?? "", request?.Realname ?? "", request?.Comment ?? "");
        error ??= UserRules.CheckUsername(request!.Username) ?? UserRules.CheckPassword(request.Password) ?? UserRules.CheckProfile(email, realname, comment);
        if (error is not null)
        {
            await error.WriteAsync(context);
            return;
        }
        var created = await users.CreateAsync(
            new NewUser(request!.Username!, PasswordHasher.Hash(request.Password!), email, realname, comment), context.RequestAborted);
        if (created is null)
        {
            await HarborError.Conflict($"username {request.Username} already exists").WriteAsync(context);
            return;
        }
        await audit.AppendAsync(null, caller.Name, created.Username, AuditType, "create", context.RequestAborted);
        context.Response.Headers.Location = $"/api/v2.0/users/{created.Id}";
        context.Response.StatusCode = StatusCodes.Status201Created;
    }

    private async Task CurrentAsync(HttpContext context)
    {
        var caller = await SignedInAsync(context);
        if (caller is null) return;
        // Robots have no user record; Harbor answers 412 for any caller that is not a local user.
        var user = caller.Kind == PrincipalKind.User ? await users.FindAsync(caller.Name, context.RequestAborted) : null;
        if (user is null)
        {
            await HarborError.PreconditionFailed($"{caller.Name} is not a user account: there is no current user to show").WriteAsync(context);
            return;
        }
        await ApiJson.WriteAsync(context, UserJson.From(user));
    }

    private async Task SearchAsync(HttpContext context)
    {
        var caller = await SignedInAsync(context);
        if (caller is null) return;
        var username = context.Request.Query["username"].ToString();
        if (username.Length == 0)
        {
            await HarborError.BadRequest("the username query parameter is required").WriteAsync(context);
            return;
        }
        var paging = Paging.From(context.Request.Query);
        var (found, total) = await users.ListAsync(username, paging.Offset, paging.PageSize, context.RequestAborted);
        paging.WriteHeaders(context, total);
        await ApiJson.WriteAsync(context, found.Select(u => new UserSearchJson(u.Id, u.Username)).ToList());
    }

    private async Task GetAsync(HttpContext context, long userId)
    {
        var found = await AdministratorOrSelfAsync(context, userId, "read");
        if (found is null) return;
        await ApiJson.WriteAsync(context, UserJson.From(found.Value.User));
    }

    private async Task UpdateProfileAsync(HttpContext context, long userId)
    {
        var found = await AdministratorOrSelfAsync(context, userId, "update");
        if (found is null) return;
        var (caller, user) = found.Value;
        var (request, error) = await ApiJson.ReadAsync<UserProfileRequest>(context);
        // A field left out keeps its value, so a client can change one field without resending the others.
        var (email, realname, comment) = (request?.Email ?? user.Email, request?.Realname ?? user.Realname, request?.Comment ?? user.Comment);
        error ??= UserRules.CheckProfile(email, realname, comment);
        if (error is not null)
        {
            await error.WriteAsync(context);
            return;
        }
        await users.UpdateProfileAsync(user.Id, email, realname, comment, context.RequestAborted);
        await audit.AppendAsync(null, caller.Name, user.Username, AuditType, "update", context.RequestAborted);
        context.Response.StatusCode = StatusCodes.Status200OK;
    }

    private async Task DeleteAsync(HttpContext context, long userId)
    {
        var caller = await AdministratorAsync(context, "delete users");
        if (caller is null) return;
        var user = await FindOrWriteNotFoundAsync(context, userId);
        if (user is null) return;
        // As Harbor forbids deleting user 1 and oneself: either could leave nobody able to administer the registry.
        if (user.Username == caller.Name || user.Username == AccessBootstrap.AdminUsername)
        {
            await HarborError.Forbidden($"user {user.Username} (id {user.Id}) cannot be deleted").WriteAsync(context);
            return;
        }
        await users.DeleteAsync(user.Id, context.RequestAborted);
        credentials.Forget(user.Username);
        await audit.AppendAsync(null, caller.Name, user.Username, AuditType, "delete", context.RequestAborted);
        context.Response.StatusCode = StatusCodes.Status200OK;
    }

    private async Task SetSysAdminAsync(HttpContext context, long userId)
    {
        var caller = await AdministratorAsync(context, "change administrators");
        if (caller is null) return;
        var (request, error) = await ApiJson.ReadAsync<SysAdminFlagRequest>(context);
        if (error is null && request!.SysadminFlag is null) error = HarborError.BadRequest("sysadmin_flag (true or false) is required");
        if (error is not null)
        {
            await error.WriteAsync(context);
            return;
        }
        var user = await FindOrWriteNotFoundAsync(context, userId);
        if (user is null) return;
        await users.SetSysAdminAsync(user.Id, request!.SysadminFlag!.Value, context.RequestAborted);
        // Remembered sign-ins carry the old flag: a demoted administrator must lose the rights at once.
        credentials.Forget(user.Username);
        await audit.AppendAsync(null, caller.Name, user.Username, AuditType, "update", context.RequestAborted);
        context.Response.StatusCode = StatusCodes.Status200OK;
    }

    /// <summary>The signed-in caller, or null after writing Harbor's 401.</summary>
    private async Task<Principal?> SignedInAsync(HttpContext context)
    {
        var (principal, error) = await callers.IdentifySignedInAsync(context, "use the users API");
        if (error is null) return principal;
        await error.WriteAsync(context);
        return null;
    }

    /// <summary>The caller when a system administrator, or null after writing 401 or 403.</summary>
    private async Task<Principal?> AdministratorAsync(HttpContext context, string doing)
    {
        var caller = await SignedInAsync(context);
        if (caller is null || caller.IsSystemAdmin) return caller;
        await HarborError.Forbidden($"{caller.Name} may not {doing}: only system administrators may").WriteAsync(context);
        return null;
    }

    /// <summary>
    /// The user when the caller is that user or a system administrator; otherwise null after writing 401, 403 or
    /// (to administrators only, so others cannot probe which ids exist) 404.
    /// </summary>
    private async Task<(Principal Caller, UserAccount User)?> AdministratorOrSelfAsync(HttpContext context, long userId, string doing)
    {
        var caller = await SignedInAsync(context);
        if (caller is null) return null;
        var user = await users.FindAsync(userId, context.RequestAborted);
        if (!caller.IsSystemAdmin && (user is null || !IsSelf(caller, user)))
        {
            await HarborError.Forbidden($"{caller.Name} may not {doing} user {userId}").WriteAsync(context);
            return null;
        }
        if (user is null)
        {
            await HarborError.NotFound($"user {userId} not found").WriteAsync(context);
            return null;
        }
        return (caller, user);
    }

    private async Task<UserAccount?> FindOrWriteNotFoundAsync(HttpContext context, long userId)
    {
        var user = await users.FindAsync(userId, context.RequestAborted);
        if (user is null) await HarborError.NotFound($"user {userId} not found").WriteAsync(context);
        return user;
    }

    /// <summary>By name, not id: a user signed in with a bearer token carries no id, and names are unique.</summary>
    private static bool IsSelf(Principal caller, UserAccount user) => caller.Kind == PrincipalKind.User && caller.Name == user.Username;
}
