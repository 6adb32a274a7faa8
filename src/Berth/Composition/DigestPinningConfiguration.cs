using Berth.Policy.Admission;

namespace Berth.Composition;

/// <summary>
/// Reads <c>Admission:PinDigests</c>: unset pins nothing; <c>all</c> pins every Berth image in every namespace;
/// a list of rules, each with optional <c>Namespaces</c>, <c>ExcludedNamespaces</c> (globs) and <c>Repos</c>
/// (constraint-style entries), pins the images a rule names:
/// <code>
/// Admission:
///   PinDigests:
///     - Namespaces: ["prod-*"]
///       Repos: ["registry.example.com/shop/"]
/// </code>
/// </summary>
internal static class DigestPinningConfiguration
{
    public const string All = "all";

    private static readonly string[] Fields = ["Namespaces", "ExcludedNamespaces", "Repos"];

    public static DigestPinning? Read(IConfiguration configuration, out string? error)
    {
        error = null;
        var section = configuration.GetSection(DigestPinning.ConfigurationKey);
        if (section.Value is { Length: > 0 } value)
        {
            if (value.Trim().Equals(All, StringComparison.OrdinalIgnoreCase)) return new DigestPinning([new DigestPinRule([], [], [])]);
            error = $"{DigestPinning.ConfigurationKey} is '{value}'; expected '{All}' or a list of rules with Namespaces, ExcludedNamespaces and Repos";
            return null;
        }
        var rules = new List<DigestPinRule>();
        foreach (var entry in section.GetChildren())
        {
            var at = $"{DigestPinning.ConfigurationKey}:{entry.Key}";
            if (entry.GetChildren().FirstOrDefault(c => !Fields.Contains(c.Key, StringComparer.OrdinalIgnoreCase)) is { } unknown)
            {
                error = $"{at}:{unknown.Key} is not a field of a pinning rule; expected Namespaces, ExcludedNamespaces or Repos";
                return null;
            }
            var rule = DigestPinRule.Parse(List(entry, "Namespaces"), List(entry, "ExcludedNamespaces"), List(entry, "Repos"), at, out error);
            if (rule is null) return null;
            rules.Add(rule);
        }
        return new DigestPinning(rules);
    }

    /// <summary>A list (<c>Key:0</c>, <c>Key:1</c>, …) or a single value.</summary>
    private static List<string> List(IConfigurationSection rule, string key)
    {
        var section = rule.GetSection(key);
        if (!string.IsNullOrEmpty(section.Value)) return [section.Value];
        return [.. section.GetChildren().Select(c => c.Value).OfType<string>()];
    }
}
