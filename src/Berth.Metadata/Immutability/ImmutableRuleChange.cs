namespace Berth.Metadata.Immutability;

/// <summary>What creating or updating an immutable tag rule did.</summary>
public enum ImmutableRuleChange
{
    Done,
    /// <summary>The project has a rule with the same selectors already; nothing changed.</summary>
    Duplicate,
    /// <summary>The project has as many rules as it may; nothing changed.</summary>
    LimitReached,
    /// <summary>No such rule in this project.</summary>
    NotFound,
}
