using System.Text.RegularExpressions;
using Berth.Access.Authentication;
using Berth.Access.Authorization;
using Berth.Access.Identity;
using Berth.Access.Passwords;
using Berth.Access.Robots;
using Berth.Access.Roles;
using Berth.Api.Http;
using Berth.Metadata.Access;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Berth.Api.Robots;

/// <summary>
/// <c>/api/v2.0/robots</c>: create, list, read, update, refresh the secret of and delete robot accounts, with
/// Harbor's paths, fields and statuses. A secret leaves the server only in the answer that made it.
/// </summary>
public sealed partial class RobotEndpoints(
    ApiCaller callers, IRobotStore robots, IProjectStore projects, ProjectAccessResolver resolver,
    RobotPermissionRules rules, CredentialVerifier credentials, IAuditLog audit, TimeProvider time)
{
    private const string AuditType = "robot";

    [GeneratedRegex(@"^[a-z0-9]+(?:[._-][a-z0-9]+)*\z", RegexOptions.CultureInvariant)]
    private static partial Regex NameGrammar();

    public void Map(IEndpointRouteBuilder api)
    {
        api.MapPost("/robots", CreateAsync);
        api.MapGet("/robots", ListAsync);
        api.MapGet("/robots/{id:long}", GetAsync);
        api.MapPut("/robots/{id:long}", UpdateAsync);
        api.MapPatch("/robots/{id:long}", RefreshSecretAsync);
        api.MapDelete("/robots/{id:long}", DeleteAsync);
    }

    private async Task CreateAsync(HttpContext context)
    {
        var cancellationToken = context.RequestAborted;
        var (caller, error) = await SignedInAsync(context, "create a robot");
        var (request, bodyError) = error is null ? await ApiJson.ReadAsync<RobotRequest>(context) : (null, null);
        error ??= bodyError;
        var name = request?.Name ?? "";
        if (error is null && (name.Length is 0 or > 255 || !NameGrammar().IsMatch(name)))
            error = HarborError.BadRequest($"robot name '{name}' is invalid: lower-case letters and digits, separated by '.', '_' or '-'");
        if (error is null && request!.Duration is not (-1 or > 0))
            error = HarborError.BadRequest($"duration {request.Duration?.ToString() ?? "(missing)"} is invalid: days until expiry, or -1 for never");
        RobotScope? scope = null;
        if (error is null) (scope, error) = await rules.CheckAsync(caller!, request!.Level ?? "", request.Permissions, Actions.Create, cancellationToken);
        if (error is not null)
        {
            await error.WriteAsync(context);
            return;
        }

        var level = request!.Level!;
        var fullName = RobotLevel.AccountName(level, scope!.Project?.Name, name);
        var secret = GeneratedSecret.Create();
        var now = time.GetUtcNow();
        var created = await robots.CreateAsync(new RobotRecord(
            0, fullName, request.Description ?? "", level, scope.Project?.Id, RobotSecretHasher.Hash(secret), request.Duration!.Value,
            ExpiryFrom(now, request.Duration.Value), request.Disable ?? false, RobotPermissions.Serialize(scope.Grants), now, now), cancellationToken);
        if (created is null)
        {
            await HarborError.Conflict($"a robot named {fullName} already exists").WriteAsync(context);
            return;
        }
        await audit.AppendAsync(created.ProjectId, caller!.Name, created.Name, AuditType, "create", cancellationToken);
        context.Response.Headers.Location = $"/api/v2.0/robots/{created.Id}";
        await ApiJson.WriteAsync(context,
            new RobotCreatedJson(created.Id, created.Name, secret, created.CreatedAt, RobotJson.UnixExpiry(created.ExpiresAt)),
            StatusCodes.Status201Created);
    }

    private async Task ListAsync(HttpContext context)
    {
        var cancellationToken = context.RequestAborted;
        var (caller, error) = await SignedInAsync(context, "list robots");
        var filter = RobotQuery.Parse(context.Request.Query["q"].ToString());
        if (error is null && filter.Error is not null) error = HarborError.BadRequest(filter.Error);
        if (error is null && !caller!.IsSystemAdmin)
        {
            // Everyone but an administrator lists the robots of one project they may see robots in.
            var project = filter.ProjectId is { } id ? await projects.FindAsync(id, cancellationToken) : null;
            error = project is null
                ? HarborError.Forbidden($"{caller.Name} may list robots of one project only: q=Level=project,ProjectID=N")
                : await RequireAsync(caller, project, Actions.List, cancellationToken);
        }
        if (error is not null)
        {
            await error.WriteAsync(context);
            return;
        }

        var matching = (await robots.ListAsync(filter.ProjectId, cancellationToken))
            .Where(r => filter.Level is null || r.Level == filter.Level)
            .Where(r => filter.NameContains is null || r.Name.Contains(filter.NameContains, StringComparison.Ordinal))
            .ToList();
        await Paging.WritePageAsync(context, matching, RobotJson.From);
    }

    private async Task GetAsync(HttpContext context, long id)
    {
        var found = await AuthorizeAsync(context, id, Actions.Read);
        if (found is null) return;
        await ApiJson.WriteAsync(context, RobotJson.From(found.Value.Robot));
    }

    private async Task UpdateAsync(HttpContext context, long id)
    {
        var cancellationToken = context.RequestAborted;
        var found = await AuthorizeAsync(context, id, Actions.Update);
        if (found is null) return;
        var (robot, caller) = found.Value;
        var (request, error) = await ApiJson.ReadAsync<RobotRequest>(context);
        if (error is null && request!.Name is { Length: > 0 } name && name != robot.Name)
            error = HarborError.BadRequest($"a robot's name cannot change: {robot.Name} stays {robot.Name}, not {name}");
        if (error is null && request!.Level is { Length: > 0 } level && level != robot.Level)
            error = HarborError.BadRequest($"a robot's level cannot change: {robot.Name} stays at {robot.Level} level");
        if (error is null && request!.Duration is { } days && days is not (-1 or > 0))
            error = HarborError.BadRequest($"duration {days} is invalid: days until expiry, or -1 for never");
        var permissions = request?.Permissions ?? RobotPermissions.Parse(robot.PermissionsJson).Select(RobotPermissionJson.From).ToList();
        RobotScope? scope = null;
        if (error is null) (scope, error) = await rules.CheckAsync(caller, robot.Level, permissions, Actions.Update, cancellationToken);
        if (error is null && scope!.Project?.Id != robot.ProjectId)
            error = HarborError.BadRequest($"robot {robot.Name} belongs to its project; its permissions cannot name another one");
        if (error is not null)
        {
            await error.WriteAsync(context);
            return;
        }

        var duration = request!.Duration ?? robot.DurationDays;
        // The expiry counts from creation, as Harbor's does; an unchanged duration leaves it alone.
        var expiresAt = duration == robot.DurationDays ? robot.ExpiresAt : ExpiryFrom(robot.CreatedAt, duration);
        var updated = robot with
        {
            Description = request.Description ?? robot.Description,
            DurationDays = duration,
            ExpiresAt = expiresAt,
            Disabled = request.Disable ?? robot.Disabled,
            PermissionsJson = RobotPermissions.Serialize(scope!.Grants),
        };
        if (!await robots.UpdateAsync(updated, cancellationToken))
        {
            await HarborError.NotFound($"robot {id} not found").WriteAsync(context);
            return;
        }
        // Remembered sign-ins carry the old permissions and state; they must not outlive the change.
        credentials.Forget(robot.Name);
        await audit.AppendAsync(robot.ProjectId, caller.Name, robot.Name, AuditType, "update", cancellationToken);
        context.Response.StatusCode = StatusCodes.Status200OK;
    }

    private async Task RefreshSecretAsync(HttpContext context, long id)
    {
        var cancellationToken = context.RequestAborted;
        var found = await AuthorizeAsync(context, id, Actions.Update, robotMayActOnItself: true);
        if (found is null) return;
        var (robot, caller) = found.Value;
        // An empty body asks for a generated secret, as Harbor's UI sends it.
        var (request, error) = context.Request.ContentLength is 0 ? (new RobotSecretJson(), null) : await ApiJson.ReadAsync<RobotSecretJson>(context);
        var secret = request?.Secret is { Length: > 0 } chosen ? chosen : GeneratedSecret.Create();
        if (error is null && !IsStrongSecret(secret))
            error = HarborError.BadRequest("the secret must be 8 to 128 characters with at least one upper-case letter, one lower-case letter and one digit");
        if (error is not null)
        {
            await error.WriteAsync(context);
            return;
        }
        if (!await robots.SetSecretAsync(robot.Id, RobotSecretHasher.Hash(secret), cancellationToken))
        {
            await HarborError.NotFound($"robot {id} not found").WriteAsync(context);
            return;
        }
        credentials.Forget(robot.Name);
        await audit.AppendAsync(robot.ProjectId, caller.Name, robot.Name, AuditType, "update", cancellationToken);
        await ApiJson.WriteAsync(context, new RobotSecretJson { Secret = secret });
    }

    private async Task DeleteAsync(HttpContext context, long id)
    {
        var cancellationToken = context.RequestAborted;
        var found = await AuthorizeAsync(context, id, Actions.Delete);
        if (found is null) return;
        var (robot, caller) = found.Value;
        if (!await robots.DeleteAsync(robot.Id, cancellationToken))
        {
            await HarborError.NotFound($"robot {id} not found").WriteAsync(context);
            return;
        }
        credentials.Forget(robot.Name);
        await audit.AppendAsync(robot.ProjectId, caller.Name, robot.Name, AuditType, "delete", cancellationToken);
        context.Response.StatusCode = StatusCodes.Status200OK;
    }

    /// <summary>
    /// The robot with that id when the caller may do <paramref name="action"/> to it: system robots are the
    /// administrators' alone, project robots need robot:<paramref name="action"/> in their project. Otherwise
    /// writes 401, 403 or 404 and returns null.
    /// </summary>
    private async Task<(RobotRecord Robot, Principal Caller)?> AuthorizeAsync(HttpContext context, long id, string action, bool robotMayActOnItself = false)
    {
        var cancellationToken = context.RequestAborted;
        var (caller, error) = await SignedInAsync(context, $"{action} robots");
        var robot = error is null ? await robots.FindAsync(id, cancellationToken) : null;
        if (error is null && robot is null) error = HarborError.NotFound($"robot {id} not found");
        var itself = robotMayActOnItself && caller is { Kind: PrincipalKind.Robot } && caller.Id == robot?.Id;
        if (error is null && !caller!.IsSystemAdmin && !itself)
        {
            var project = robot!.ProjectId is { } projectId ? await projects.FindAsync(projectId, cancellationToken) : null;
            error = project is null
                ? HarborError.Forbidden($"{caller.Name} may not {action} system robots: only system administrators may")
                : await RequireAsync(caller, project, action, cancellationToken);
        }
        if (error is not null)
        {
            await error.WriteAsync(context);
            return null;
        }
        return (robot!, caller!);
    }

    /// <summary>Null when the caller holds robot:<paramref name="action"/> in the project; else 404 (cannot see it) or 403.</summary>
    private async Task<HarborError?> RequireAsync(Principal caller, ProjectRecord project, string action, CancellationToken cancellationToken)
    {
        var access = await resolver.ResolveAsync(caller, project.Name, cancellationToken);
        if (access is null || !AccessPolicy.CanSee(caller, access)) return HarborError.NotFound($"project {project.Id} not found");
        return AccessPolicy.Allows(caller, access, new Permission(Resources.Robot, action))
            ? null
            : HarborError.Forbidden($"{caller.Name} may not {action} robots of project {project.Name}");
    }

    private async Task<(Principal? Caller, HarborError? Error)> SignedInAsync(HttpContext context, string what)
    {
        var (principal, error) = await callers.IdentifySignedInAsync(context, what);
        return (principal, error);
    }

    private static DateTimeOffset? ExpiryFrom(DateTimeOffset start, int days) => days == -1 ? null : start.AddDays(days);

    /// <summary>Harbor's rule for secrets a user chooses: 8–128 characters mixing upper case, lower case and digits.</summary>
    private static bool IsStrongSecret(string secret) =>
        secret.Length is >= 8 and <= 128 && secret.Any(char.IsAsciiLetterUpper) && secret.Any(char.IsAsciiLetterLower) && secret.Any(char.IsAsciiDigit);
}
