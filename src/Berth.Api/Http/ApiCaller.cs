using Berth.Access.Authentication;
using Berth.Access.Identity;
using Microsoft.AspNetCore.Http;

namespace Berth.Api.Http;

/// <summary>Authenticates an /api or /service request: Basic credentials (users and robots), or none.</summary>
public sealed class ApiCaller(RequestAuthenticator authenticator)
{
    /// <summary>The caller, or the 401 error to answer with when credentials were sent and are wrong.</summary>
    public async Task<(Principal? Principal, HarborError? Error)> IdentifyAsync(HttpContext context)
    {
        var caller = await authenticator.AuthenticateAsync(
            context.Request.Headers.Authorization.ToString(), context.Connection.RemoteIpAddress?.ToString() ?? "", context.RequestAborted);
        if (caller.Failed) return (null, HarborError.Unauthorized(caller.Failure!));
        return (caller.Principal, null);
    }

    /// <summary>
    /// As <see cref="IdentifyAsync"/>, but an anonymous caller is an error too: 401 saying
    /// "sign in to <paramref name="purpose"/>".
    /// </summary>
    public async Task<(Principal? Principal, HarborError? Error)> IdentifySignedInAsync(HttpContext context, string purpose)
    {
        var (principal, error) = await IdentifyAsync(context);
        if (error is null && !principal!.IsAuthenticated) error = HarborError.Unauthorized($"sign in to {purpose}");
        return (principal, error);
    }

    /// <summary>
    /// As <see cref="IdentifySignedInAsync"/>, and a signed-in caller who is not a system administrator is a 403:
    /// "NAME may not <paramref name="purpose"/>: only system administrators may".
    /// </summary>
    public async Task<(Principal? Principal, HarborError? Error)> IdentifyAdministratorAsync(HttpContext context, string purpose)
    {
        var (principal, error) = await IdentifySignedInAsync(context, purpose);
        if (error is null && !principal!.IsSystemAdmin)
            error = HarborError.Forbidden($"{principal.Name} may not {purpose}: only system administrators may");
        return (principal, error);
    }
}
