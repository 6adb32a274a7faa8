namespace Berth.Policy.Admission;

/// <summary>A Kubernetes label selector: every <c>matchLabels</c> pair and every expression must hold.</summary>
public sealed record LabelSelector(IReadOnlyDictionary<string, string> MatchLabels, IReadOnlyList<LabelRequirement> MatchExpressions)
{
    public bool Matches(IReadOnlyDictionary<string, string> labels) =>
        MatchLabels.All(pair => labels.TryGetValue(pair.Key, out var value) && value == pair.Value)
        && MatchExpressions.All(requirement => requirement.Matches(labels));
}
