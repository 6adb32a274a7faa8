using Berth.Access.Authentication;
using Berth.Access.Authorization;
using Berth.Access.Identity;
using Berth.Access.Tokens;
using Berth.Core;
using Berth.Core.Errors;
using Microsoft.AspNetCore.Http;

namespace Berth.Registry.Access;

/// <summary>
/// Access control on /v2 by Harbor's model: every repository lives in a project; a bearer token's access
/// list, or else the caller's role (Basic auth), grants each action; public projects give everyone pull.
/// Unauthenticated callers who need more get a 401 challenge to the token service; authenticated ones a 403.
/// </summary>
public sealed class ProjectRegistryAccess(RequestAuthenticator authenticator, ProjectAccessResolver resolver, RegistryChallenge challenge) : IRegistryAccess
{
    private static readonly object CallerKey = new();

    /// <summary>The name of the request's authenticated caller, for audit lines; "anonymous" when there is none.</summary>
    public static string CallerName(HttpContext context) =>
        (context.Items[CallerKey] as Authenticated)?.Principal.Name ?? Principal.Anonymous.Name;

    /// <summary>The request's authenticated caller as access control saw it, or null when access control did not run.</summary>
    public static Authenticated? Caller(HttpContext context) => context.Items[CallerKey] as Authenticated;

    public async ValueTask<OciError?> AuthorizeAsync(HttpContext context, IReadOnlyList<RegistryAccessRequest> requests)
    {
        var caller = await authenticator.AuthenticateAsync(
            context.Request.Headers.Authorization.ToString(), context.Connection.RemoteIpAddress?.ToString() ?? "", context.RequestAborted);
        context.Items[CallerKey] = caller;
        if (caller.Failed)
        {
            challenge.Write(context, Scope(requests));
            return OciErrorCode.Unauthorized.With(caller.Failure!);
        }
        // The base endpoint only says whether the caller is known: that is how clients discover the token service.
        if (requests.Count == 0 && !caller.Principal.IsAuthenticated && caller.Token is null)
        {
            challenge.Write(context, null);
            return OciErrorCode.Unauthorized.With("authentication required");
        }

        foreach (var request in requests)
        {
            if (request.Repository is null) continue;
            var denied = await CheckAsync(context, caller, request);
            if (denied is not null) return denied;
        }
        return null;
    }

    public ValueTask<Func<string, Task<bool>>> VisibleRepositoriesAsync(HttpContext context)
    {
        var caller = context.Items[CallerKey] as Authenticated ?? Authenticated.Anonymous;
        var visible = new Dictionary<string, bool>();
        async Task<bool> IsVisible(string repository)
        {
            if (caller.Token is { } token) return token.Grants(AccessEntry.RegistryType, "catalog", "*") || token.Grants(AccessEntry.RepositoryType, repository, "pull");
            var projectName = ProjectName.Of(repository);
            if (!visible.TryGetValue(projectName, out var canSee))
            {
                var project = await resolver.ResolveAsync(caller.Principal, projectName, context.RequestAborted);
                canSee = project is not null && AccessPolicy.Allows(caller.Principal, project, RegistryPermissions.For(RegistryPermissions.Pull)!.Value);
                visible[projectName] = canSee;
            }
            return canSee;
        }
        return ValueTask.FromResult<Func<string, Task<bool>>>(IsVisible);
    }

    private async Task<OciError?> CheckAsync(HttpContext context, Authenticated caller, RegistryAccessRequest request)
    {
        var repository = request.Repository!;
        var principal = caller.Principal;
        var project = await resolver.ResolveAsync(principal, ProjectName.Of(repository), context.RequestAborted);
        if (project is null && (principal.IsAuthenticated || caller.Token is not null) && request.Actions.HasFlag(RegistryAction.Push))
        {
            return OciErrorCode.NameUnknown.With(
                $"project '{ProjectName.Of(repository)}' does not exist; create it before pushing to {repository}",
                detail: new { project = ProjectName.Of(repository) });
        }

        foreach (var action in Actions(request.Actions))
        {
            var allowed = project is not null && (caller.Token is { } token
                ? token.Grants(AccessEntry.RepositoryType, repository, action)
                : AccessPolicy.Allows(principal, project, RegistryPermissions.For(action)!.Value));
            if (allowed) continue;

            // Anonymous callers, with or without an (empty) anonymous token, are told to sign in.
            if (!principal.IsAuthenticated)
            {
                challenge.Write(context, Scope([request]));
                return OciErrorCode.Unauthorized.With($"authentication required to {action} {repository}");
            }
            return OciErrorCode.Denied.With($"{principal.Name} may not {action} repository {repository}",
                detail: new { repository, action });
        }
        return null;
    }

    private static IEnumerable<string> Actions(RegistryAction actions)
    {
        if (actions.HasFlag(RegistryAction.Pull)) yield return RegistryPermissions.Pull;
        if (actions.HasFlag(RegistryAction.Push)) yield return RegistryPermissions.Push;
        if (actions.HasFlag(RegistryAction.Delete)) yield return RegistryPermissions.Delete;
    }

    private static string? Scope(IReadOnlyList<RegistryAccessRequest> requests)
    {
        var scopes = requests.Where(r => r.Repository is not null)
            .Select(r => new AccessEntry(AccessEntry.RepositoryType, r.Repository!, Actions(r.Actions).ToList()).ToScope())
            .ToList();
        return scopes.Count == 0 ? null : string.Join(' ', scopes);
    }
}
