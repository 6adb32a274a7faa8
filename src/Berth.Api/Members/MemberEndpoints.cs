using Berth.Access.Authorization;
using Berth.Access.Roles;
using Berth.Api.Http;
using Berth.Api.Projects;
using Berth.Metadata.Access;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Berth.Api.Members;

/// <summary>
/// <c>/api/v2.0/projects/{project_name_or_id}/members</c>: who holds which role in a project, with Harbor's
/// paths, fields and statuses. Reading needs member:list/read (every role but limitedGuest); changing needs
/// member:create/update/delete (projectAdmin).
/// </summary>
public sealed class MemberEndpoints(ProjectGate guard, IProjectStore projects, IUserStore users, IAuditLog audit, ProjectAccessResolver resolver)
{
    private const string AuditType = "member";

    public void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/projects/{project}/members", ListAsync);
        api.MapPost("/projects/{project}/members", AddAsync);
        api.MapGet("/projects/{project}/members/{memberId:long}", GetAsync);
        api.MapPut("/projects/{project}/members/{memberId:long}", SetRoleAsync);
        api.MapDelete("/projects/{project}/members/{memberId:long}", RemoveAsync);
    }

    private async Task ListAsync(HttpContext context, string project)
    {
        var found = await guard.AuthorizeAsync(context, project, new Permission(Resources.Member, Actions.List));
        if (found is null) return;
        var name = context.Request.Query["entityname"].ToString();
        var members = (await projects.ListMembersAsync(found.Project.Id, context.RequestAborted))
            .Where(m => m.Username.Contains(name, StringComparison.OrdinalIgnoreCase))
            .ToList();
        await Paging.WritePageAsync(context, members, MemberJson.From);
    }

    private async Task AddAsync(HttpContext context, string project)
    {
        var found = await guard.AuthorizeAsync(context, project, new Permission(Resources.Member, Actions.Create));
        if (found is null) return;
        var (request, error) = await ApiJson.ReadAsync<MemberRequest>(context);
        error ??= CheckRole(request!.RoleId);
        if (error is null && request!.MemberUser is null)
        {
            error = HarborError.BadRequest(request.MemberGroup is null
                ? "member_user ({\"username\":\"…\"} or {\"user_id\":…}) is required"
                : "member_group is not supported: Berth has no user groups; add users with member_user");
        }
        var user = error is null ? await FindUserAsync(request!.MemberUser!, context.RequestAborted) : null;
        if (error is null && user is null)
            error = HarborError.NotFound($"user {request!.MemberUser!.Username ?? request.MemberUser.UserId?.ToString()} not found");
        if (error is not null)
        {
            await error.WriteAsync(context);
            return;
        }
        var member = await projects.AddMemberAsync(found.Project.Id, user!.Id, request!.RoleId!.Value, context.RequestAborted);
        if (member is null)
        {
            await HarborError.Conflict($"user {user.Username} is already a member of project {found.Project.Name}").WriteAsync(context);
            return;
        }
        resolver.Forget(found.Project.Name);
        await audit.AppendAsync(found.Project.Id, found.Caller.Name, user.Username, AuditType, "create", context.RequestAborted);
        context.Response.Headers.Location = $"{context.Request.PathBase}{context.Request.Path.Value!.TrimEnd('/')}/{member.Id}";
        context.Response.StatusCode = StatusCodes.Status201Created;
    }

    private async Task GetAsync(HttpContext context, string project, long memberId)
    {
        var found = await guard.AuthorizeAsync(context, project, new Permission(Resources.Member, Actions.Read));
        if (found is null) return;
        var member = await FindOrWriteNotFoundAsync(context, found, memberId);
        if (member is null) return;
        await ApiJson.WriteAsync(context, MemberJson.From(member));
    }

    private async Task SetRoleAsync(HttpContext context, string project, long memberId)
    {
        var found = await guard.AuthorizeAsync(context, project, new Permission(Resources.Member, Actions.Update));
        if (found is null) return;
        var (request, error) = await ApiJson.ReadAsync<MemberRoleRequest>(context);
        error ??= CheckRole(request!.RoleId);
        if (error is not null)
        {
            await error.WriteAsync(context);
            return;
        }
        var member = await FindOrWriteNotFoundAsync(context, found, memberId);
        if (member is null) return;
        await projects.SetMemberRoleAsync(found.Project.Id, member.Id, request!.RoleId!.Value, context.RequestAborted);
        resolver.Forget(found.Project.Name);
        await audit.AppendAsync(found.Project.Id, found.Caller.Name, member.Username, AuditType, "update", context.RequestAborted);
        context.Response.StatusCode = StatusCodes.Status200OK;
    }

    private async Task RemoveAsync(HttpContext context, string project, long memberId)
    {
        var found = await guard.AuthorizeAsync(context, project, new Permission(Resources.Member, Actions.Delete));
        if (found is null) return;
        var member = await FindOrWriteNotFoundAsync(context, found, memberId);
        if (member is null) return;
        await projects.RemoveMemberAsync(found.Project.Id, member.Id, context.RequestAborted);
        resolver.Forget(found.Project.Name);
        await audit.AppendAsync(found.Project.Id, found.Caller.Name, member.Username, AuditType, "delete", context.RequestAborted);
        context.Response.StatusCode = StatusCodes.Status200OK;
    }

    private static HarborError? CheckRole(int? roleId) =>
        roleId is { } id && Enum.IsDefined((ProjectRole)id)
            ? null
            : HarborError.BadRequest($"role_id {roleId?.ToString() ?? "(missing)"} is invalid: use 1 projectAdmin, 2 developer, 3 guest, 4 maintainer or 5 limitedGuest");

    private async Task<UserAccount?> FindUserAsync(MemberUser wanted, CancellationToken cancellationToken) =>
        wanted.UserId is { } id and > 0 ? await users.FindAsync(id, cancellationToken)
        : wanted.Username is { Length: > 0 } name ? await users.FindAsync(name, cancellationToken)
        : null;

    /// <summary>The member by id within this project only, so an id from another project answers 404.</summary>
    private async Task<ProjectMember?> FindOrWriteNotFoundAsync(HttpContext context, ProjectGrant found, long memberId)
    {
        var member = (await projects.ListMembersAsync(found.Project.Id, context.RequestAborted)).FirstOrDefault(m => m.Id == memberId);
        if (member is null) await HarborError.NotFound($"member {memberId} not found in project {found.Project.Name}").WriteAsync(context);
        return member;
    }
}
