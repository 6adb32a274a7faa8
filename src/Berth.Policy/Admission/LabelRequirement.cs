namespace Berth.Policy.Admission;

/// <summary>One <c>matchExpressions</c> entry: In, NotIn, Exists or DoesNotExist, as Kubernetes evaluates them.</summary>
public sealed record LabelRequirement(string Key, string Operator, IReadOnlyList<string> Values)
{
    public static readonly string[] Operators = ["In", "NotIn", "Exists", "DoesNotExist"];

    public bool Matches(IReadOnlyDictionary<string, string> labels)
    {
        var has = labels.TryGetValue(Key, out var value);
        return Operator switch
        {
            "In" => has && Values.Contains(value!),
            // Kubernetes: NotIn also matches objects without the label.
            "NotIn" => !has || !Values.Contains(value!),
            "Exists" => has,
            "DoesNotExist" => !has,
            _ => false,
        };
    }
}
