namespace Berth.Metadata.Immutability;

/// <summary>
/// The immutable tag rules of each project (Harbor's <c>immutable_tag_rule</c>). Two rules of one project cannot
/// have the same selectors, as in Harbor, where that is a conflict.
/// </summary>
public interface IImmutableTagRuleStore
{
    /// <summary>The project's rules by id, oldest first.</summary>
    Task<IReadOnlyList<ImmutableTagRuleRecord>> ListAsync(long projectId, CancellationToken cancellationToken);

    /// <summary>The rules of the project with that name (empty when there is no such project), oldest first.</summary>
    Task<IReadOnlyList<ImmutableTagRuleRecord>> ListAsync(string projectName, CancellationToken cancellationToken);

    /// <summary>Adds a rule unless the project already has <paramref name="limit"/> rules or one with the same selectors.</summary>
    Task<(ImmutableRuleChange Change, long Id)> CreateAsync(long projectId, ImmutableTagRuleWrite rule, int limit, CancellationToken cancellationToken);

    /// <summary>Replaces the rule's settings and selectors when it belongs to the project.</summary>
    Task<ImmutableRuleChange> UpdateAsync(long projectId, long id, ImmutableTagRuleWrite rule, CancellationToken cancellationToken);

    /// <summary>Deletes the rule when it belongs to the project; true when it did.</summary>
    Task<bool> DeleteAsync(long projectId, long id, CancellationToken cancellationToken);
}
