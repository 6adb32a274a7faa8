namespace Berth.Metadata.Immutability;

/// <summary>A project's immutable tag rule as stored: which tags, in which repositories, may not be moved or deleted.</summary>
public sealed record ImmutableTagRuleRecord(
    long Id,
    long ProjectId,
    bool Disabled,
    int Priority,
    IReadOnlyList<ImmutableSelectorRecord> TagSelectors,
    IReadOnlyList<ImmutableSelectorRecord> RepositorySelectors);
