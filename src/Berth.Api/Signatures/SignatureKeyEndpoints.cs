using System.Text.RegularExpressions;
using Berth.Access.Roles;
using Berth.Api.Http;
using Berth.Api.Projects;
using Berth.Metadata.Access;
using Berth.Metadata.Signatures;
using Berth.Policy;
using Berth.Policy.Signatures;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Berth.Api.Signatures;

/// <summary>
/// <c>/api/v2.0/projects/{project_name_or_id}/signature-keys</c>: the public keys a project trusts for content trust
/// (Berth's addition; Harbor only checks that a signature exists). Project members may read them; project admins and
/// maintainers, who manage the project's other pull rules (immutable tags), may add and remove them.
/// </summary>
public sealed partial class SignatureKeyEndpoints(ProjectGate gate, ISignatureKeyStore keys, IAuditLog audit, PolicyRevision revision)
{
    private const string Base = "/projects/{project}/signature-keys";
    private const int MaxPemLength = 64 * 1024;

    private static readonly Permission Read = new(Resources.Repository, Actions.Read);
    private static readonly Permission Write = new(Resources.ImmutableTag, Actions.Create);

    public void Map(IEndpointRouteBuilder api)
    {
        api.MapGet(Base, ListAsync);
        api.MapPost(Base, AddAsync);
        api.MapGet(Base + "/{id}", GetAsync);
        api.MapDelete(Base + "/{id}", DeleteAsync);
    }

    private async Task ListAsync(HttpContext context, string project)
    {
        var grant = await gate.AuthorizeAsync(context, project, Read);
        if (grant is null) return;
        var list = await keys.ListAsync(grant.Project.Id, context.RequestAborted);
        await ApiJson.WriteAsync(context, list.Select(SignatureKeyJson.From).ToList());
    }

    private async Task GetAsync(HttpContext context, string project, string id)
    {
        var grant = await gate.AuthorizeAsync(context, project, Read);
        if (grant is null) return;
        var key = long.TryParse(id, out var keyId)
            ? (await keys.ListAsync(grant.Project.Id, context.RequestAborted)).FirstOrDefault(k => k.Id == keyId)
            : null;
        if (key is null)
        {
            await HarborError.NotFound($"signature key {id} not found in project {grant.Project.Name}").WriteAsync(context);
            return;
        }
        await ApiJson.WriteAsync(context, SignatureKeyJson.From(key));
    }

    private async Task AddAsync(HttpContext context, string project)
    {
        var grant = await gate.AuthorizeAsync(context, project, Write);
        if (grant is null) return;
        var (request, error) = await ApiJson.ReadAsync<SignatureKeyRequest>(context);
        TrustedKey? key = null;
        if (error is null) error = Validate(request!, out key);
        if (error is null)
        {
            var existing = await keys.ListAsync(grant.Project.Id, context.RequestAborted);
            if (existing.FirstOrDefault(k => k.Name == request!.Name) is not null)
                error = HarborError.Conflict($"project {grant.Project.Name} already has a signature key named {request!.Name}");
            else if (existing.FirstOrDefault(k => k.Usage == request!.Usage && k.Fingerprint == key!.Fingerprint) is { } same)
                error = HarborError.Conflict($"project {grant.Project.Name} already trusts this key for {request!.Usage}, as {same.Name}");
        }
        SignatureKeyRecord? stored = null;
        if (error is null)
        {
            stored = await keys.AddAsync(grant.Project.Id,
                new NewSignatureKey(request!.Name!, request.Usage!, key!.Algorithm, request.Pem!.Trim() + "\n", key.Fingerprint, grant.Caller.Name),
                context.RequestAborted);
            if (stored is null) error = HarborError.Conflict($"project {grant.Project.Name} already has a signature key named {request.Name}, or this key");
        }
        if (error is not null)
        {
            await error.WriteAsync(context);
            return;
        }
        revision.Advance();
        await audit.AppendAsync(grant.Project.Id, grant.Caller.Name, $"{grant.Project.Name}/signature-keys/{stored!.Name}", "signature-key", "create",
            context.RequestAborted);
        context.Response.Headers.Location = $"{context.Request.Path}/{stored.Id}";
        await ApiJson.WriteAsync(context, SignatureKeyJson.From(stored), StatusCodes.Status201Created);
    }

    private async Task DeleteAsync(HttpContext context, string project, string id)
    {
        var grant = await gate.AuthorizeAsync(context, project, Write);
        if (grant is null) return;
        var key = long.TryParse(id, out var keyId)
            ? (await keys.ListAsync(grant.Project.Id, context.RequestAborted)).FirstOrDefault(k => k.Id == keyId)
            : null;
        if (key is null || !await keys.DeleteAsync(grant.Project.Id, key.Id, context.RequestAborted))
        {
            await HarborError.NotFound($"signature key {id} not found in project {grant.Project.Name}").WriteAsync(context);
            return;
        }
        revision.Advance();
        await audit.AppendAsync(grant.Project.Id, grant.Caller.Name, $"{grant.Project.Name}/signature-keys/{key.Name}", "signature-key", "delete",
            context.RequestAborted);
        context.Response.StatusCode = StatusCodes.Status200OK;
    }

    private static HarborError? Validate(SignatureKeyRequest request, out TrustedKey? key)
    {
        key = null;
        if (string.IsNullOrEmpty(request.Name) || !KeyName().IsMatch(request.Name))
            return HarborError.BadRequest($"name '{request.Name}' is invalid: 1 to 64 letters, digits, '.', '_' and '-', starting with a letter or digit");
        if (SignatureKindNames.Parse(request.Usage) is null)
            return HarborError.BadRequest($"usage '{request.Usage}' is invalid: give \"cosign\" or \"notation\"");
        if (request.Pem is { Length: > MaxPemLength })
            return HarborError.BadRequest($"pem is larger than {MaxPemLength / 1024} KiB; a public key or certificate is a few KiB");
        if (!TrustedKey.TryParse(request.Pem, out key, out var problem)) return HarborError.BadRequest($"pem: {problem}");
        return null;
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")]
    private static partial Regex KeyName();
}
