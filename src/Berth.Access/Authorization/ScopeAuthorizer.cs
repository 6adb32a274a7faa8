using Berth.Access.Identity;
using Berth.Access.Tokens;
using Berth.Core;

namespace Berth.Access.Authorization;

/// <summary>
/// Decides what a token may carry: for each requested scope, the requested actions the principal
/// actually holds. Nothing is ever refused with an error here; a scope the caller may not use simply
/// comes back with no actions, as Docker's token protocol expects.
/// </summary>
public sealed class ScopeAuthorizer(ProjectAccessResolver resolver)
{
    public async Task<IReadOnlyList<AccessEntry>> AuthorizeAsync(Principal principal, IReadOnlyList<AccessEntry> requested, CancellationToken cancellationToken)
    {
        var granted = new List<AccessEntry>(requested.Count);
        foreach (var scope in requested)
        {
            granted.Add(scope with { Actions = await AllowedActionsAsync(principal, scope, cancellationToken) });
        }
        return granted;
    }

    private async Task<IReadOnlyList<string>> AllowedActionsAsync(Principal principal, AccessEntry scope, CancellationToken cancellationToken)
    {
        if (scope.Type == AccessEntry.RegistryType)
            return scope.Name == "catalog" && principal.IsSystemAdmin ? scope.Actions.Where(a => a == "*").ToList() : [];
        if (scope.Type != AccessEntry.RepositoryType || !RepositoryName.IsValid(scope.Name)) return [];

        var project = await resolver.ResolveAsync(principal, ProjectName.Of(scope.Name), cancellationToken);
        if (project is null) return [];
        return scope.Actions
            .Distinct()
            .Where(action => RegistryPermissions.For(action) is { } permission && AccessPolicy.Allows(principal, project, permission))
            .ToList();
    }
}
