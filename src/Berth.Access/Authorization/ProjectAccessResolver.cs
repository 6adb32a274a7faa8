using System.Collections.Concurrent;
using Berth.Access.Identity;
using Berth.Access.Roles;
using Berth.Metadata.Access;

namespace Berth.Access.Authorization;

/// <summary>
/// Looks up what decides a principal's rights in a project: the project's visibility and the principal's
/// role. Every /v2 request asks, so answers are remembered for a few seconds; whatever changes a project
/// or its members calls <see cref="Forget"/> so this process sees the change at once.
/// </summary>
public sealed class ProjectAccessResolver(IProjectStore projects, TimeProvider time)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(5);
    private const int MaxEntries = 10_000;

    private readonly ConcurrentDictionary<(PrincipalKind Kind, long Id, string Project), Remembered> _remembered = new();

    /// <summary>The project's access facts, or null when no project has that name.</summary>
    public async Task<ProjectAccess?> ResolveAsync(Principal principal, string projectName, CancellationToken cancellationToken)
    {
        var key = (principal.Kind, principal.Id, projectName);
        var now = time.GetUtcNow();
        if (_remembered.TryGetValue(key, out var remembered) && remembered.ValidUntil > now) return remembered.Access;

        var access = await LookUpAsync(principal, projectName, cancellationToken);
        if (_remembered.Count >= MaxEntries) _remembered.Clear();
        _remembered[key] = new Remembered(access, now + Lifetime);
        return access;
    }

    /// <summary>Forgets what is remembered of the project: call after creating, changing or deleting it or its members.</summary>
    public void Forget(string projectName)
    {
        foreach (var key in _remembered.Keys)
        {
            if (key.Project == projectName) _remembered.TryRemove(key, out _);
        }
    }

    private async Task<ProjectAccess?> LookUpAsync(Principal principal, string projectName, CancellationToken cancellationToken)
    {
        var project = await projects.FindAsync(projectName, cancellationToken);
        if (project is null) return null;
        ProjectRole? role = null;
        if (principal.Kind == PrincipalKind.User && principal.Id != 0
            && await projects.FindRoleAsync(project.Id, principal.Id, cancellationToken) is { } roleId)
        {
            role = (ProjectRole)roleId;
        }
        return new ProjectAccess(project.Id, project.Name, project.IsPublic, role);
    }

    private sealed record Remembered(ProjectAccess? Access, DateTimeOffset ValidUntil);
}
