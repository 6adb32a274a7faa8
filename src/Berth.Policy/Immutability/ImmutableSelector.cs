using Berth.Metadata.Immutability;

namespace Berth.Policy.Immutability;

/// <summary>A compiled selector: selects a name its pattern matches, or (excludes) one it does not.</summary>
internal sealed class ImmutableSelector(DoublestarPattern pattern, bool excludes)
{
    public static ImmutableSelector From(ImmutableSelectorRecord record) =>
        new(DoublestarPattern.Parse(record.Pattern),
            record.Decoration is ImmutableRuleTerms.Excludes or ImmutableRuleTerms.RepoExcludes);

    public bool Selects(string name) => pattern.IsMatch(name) != excludes;
}
