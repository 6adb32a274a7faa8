namespace Berth.Metadata.Immutability;

/// <summary>What a create or update of an immutable tag rule stores (already validated by the caller).</summary>
public sealed record ImmutableTagRuleWrite(
    bool Disabled,
    int Priority,
    IReadOnlyList<ImmutableSelectorRecord> TagSelectors,
    IReadOnlyList<ImmutableSelectorRecord> RepositorySelectors);
