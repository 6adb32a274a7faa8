using YamlDotNet.RepresentationModel;

namespace Berth.Policy.Admission;

/// <summary>
/// Reads one YAML document as a Gatekeeper <c>K8sAllowedRepos</c> constraint, exactly as users keep them for
/// Gatekeeper. Every problem is reported with the key it concerns; nothing is guessed.
/// </summary>
public static class ConstraintDocument
{
    private const string GatekeeperGroup = "constraints.gatekeeper.sh/";
    private static readonly string[] MatchKeys = ["kinds", "namespaces", "excludedNamespaces", "labelSelector", "name", "scope", "source", "namespaceSelector"];

    /// <summary>The constraint; null with <paramref name="error"/> set when the document is not a valid one.</summary>
    public static AllowedReposConstraint? Read(YamlMappingNode document, string source, out string? error)
    {
        try
        {
            error = null;
            return ReadOrThrow(document, source);
        }
        catch (ConstraintException e)
        {
            error = e.Message;
            return null;
        }
    }

    private static AllowedReposConstraint ReadOrThrow(YamlMappingNode document, string source)
    {
        var apiVersion = Scalar(document, "apiVersion", "apiVersion") ?? throw new ConstraintException("apiVersion is missing");
        if (!apiVersion.StartsWith(GatekeeperGroup, StringComparison.Ordinal))
            throw new ConstraintException($"apiVersion is '{apiVersion}'; expected {GatekeeperGroup}v1beta1");
        var kind = Scalar(document, "kind", "kind");
        if (kind != AllowedReposConstraint.Kind)
            throw new ConstraintException($"kind is '{kind}'; Berth enforces {AllowedReposConstraint.Kind} constraints");
        var metadata = Mapping(document, "metadata", "metadata") ?? throw new ConstraintException("metadata.name is missing");
        var name = Scalar(metadata, "name", "metadata.name");
        if (string.IsNullOrWhiteSpace(name)) throw new ConstraintException("metadata.name is missing");

        var spec = Mapping(document, "spec", "spec") ?? throw new ConstraintException("spec is missing");
        var action = Scalar(spec, "enforcementAction", "spec.enforcementAction") switch
        {
            null or "deny" => EnforcementAction.Deny,
            "warn" => EnforcementAction.Warn,
            "dryrun" => EnforcementAction.DryRun,
            var other => throw new ConstraintException($"spec.enforcementAction is '{other}'; expected deny, warn or dryrun"),
        };
        var parameters = Mapping(spec, "parameters", "spec.parameters") ?? throw new ConstraintException("spec.parameters.repos is missing");
        var repoTexts = Strings(parameters, "repos", "spec.parameters.repos");
        if (repoTexts.Count == 0) throw new ConstraintException("spec.parameters.repos is missing or empty");
        var repos = new List<RepoEntry>();
        for (var i = 0; i < repoTexts.Count; i++)
        {
            repos.Add(RepoEntry.Parse(repoTexts[i], out var repoError) ?? throw new ConstraintException($"spec.parameters.repos[{i}] {repoError}"));
        }
        var match = Mapping(spec, "match", "spec.match") is { } m ? ReadMatch(m) : ConstraintMatch.Everything;
        return new AllowedReposConstraint(name, match, repos, action, source);
    }

    private static ConstraintMatch ReadMatch(YamlMappingNode match)
    {
        foreach (var key in match.Children.Keys)
        {
            var text = (key as YamlScalarNode)?.Value;
            if (text is null || !MatchKeys.Contains(text)) throw new ConstraintException($"spec.match.{text} is not a match field Berth knows");
        }
        // Namespace labels are not in an AdmissionReview; ignoring the selector would widen or narrow the rule silently.
        if (match.Children.ContainsKey(new YamlScalarNode("namespaceSelector")))
            throw new ConstraintException("spec.match.namespaceSelector is not supported (the review carries no namespace labels); use namespaces/excludedNamespaces, or the webhook configuration's namespaceSelector");

        var kinds = new List<KindMatcher>();
        if (Child(match, "kinds") is { } kindsNode)
        {
            if (kindsNode is not YamlSequenceNode kindList) throw new ConstraintException("spec.match.kinds is not a list");
            var i = 0;
            foreach (var entry in kindList)
            {
                if (entry is not YamlMappingNode kindMap) throw new ConstraintException($"spec.match.kinds[{i}] is not a mapping");
                kinds.Add(new KindMatcher(Strings(kindMap, "apiGroups", $"spec.match.kinds[{i}].apiGroups"), Strings(kindMap, "kinds", $"spec.match.kinds[{i}].kinds")));
                i++;
            }
        }
        var scope = Scalar(match, "scope", "spec.match.scope") ?? "*";
        if (scope is not ("*" or "Cluster" or "Namespaced")) throw new ConstraintException($"spec.match.scope is '{scope}'; expected *, Cluster or Namespaced");
        var source = Scalar(match, "source", "spec.match.source");
        if (source is not (null or "All" or "Original")) throw new ConstraintException($"spec.match.source is '{source}'; Berth reviews original objects (All or Original)");
        var name = Scalar(match, "name", "spec.match.name") is { } n ? Pattern(n, "spec.match.name") : null;
        var selector = Mapping(match, "labelSelector", "spec.match.labelSelector") is { } s ? ReadSelector(s) : null;
        return new ConstraintMatch(
            kinds,
            Patterns(match, "namespaces"),
            Patterns(match, "excludedNamespaces"),
            selector,
            name,
            scope);
    }

    private static LabelSelector ReadSelector(YamlMappingNode selector)
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        if (Mapping(selector, "matchLabels", "spec.match.labelSelector.matchLabels") is { } matchLabels)
        {
            foreach (var (key, value) in matchLabels.Children)
            {
                if (key is not YamlScalarNode { Value: { } k } || value is not YamlScalarNode { Value: { } v })
                    throw new ConstraintException("spec.match.labelSelector.matchLabels must map label names to strings");
                labels[k] = v;
            }
        }
        var requirements = new List<LabelRequirement>();
        if (Child(selector, "matchExpressions") is { } expressionsNode)
        {
            if (expressionsNode is not YamlSequenceNode expressions) throw new ConstraintException("spec.match.labelSelector.matchExpressions is not a list");
            var i = 0;
            foreach (var entry in expressions)
            {
                var at = $"spec.match.labelSelector.matchExpressions[{i++}]";
                if (entry is not YamlMappingNode expression) throw new ConstraintException($"{at} is not a mapping");
                var key = Scalar(expression, "key", $"{at}.key") ?? throw new ConstraintException($"{at}.key is missing");
                var op = Scalar(expression, "operator", $"{at}.operator");
                if (op is null || !LabelRequirement.Operators.Contains(op))
                    throw new ConstraintException($"{at}.operator is '{op}'; expected In, NotIn, Exists or DoesNotExist");
                var values = Strings(expression, "values", $"{at}.values");
                if (op is "In" or "NotIn" && values.Count == 0) throw new ConstraintException($"{at}.values must not be empty for {op}");
                if (op is "Exists" or "DoesNotExist" && values.Count > 0) throw new ConstraintException($"{at}.values must be empty for {op}");
                requirements.Add(new LabelRequirement(key, op, values));
            }
        }
        return new LabelSelector(labels, requirements);
    }

    private static List<NamePattern> Patterns(YamlMappingNode match, string key) =>
        [.. Strings(match, key, $"spec.match.{key}").Select((text, i) => Pattern(text, $"spec.match.{key}[{i}]"))];

    private static NamePattern Pattern(string text, string at) =>
        NamePattern.Validate(text) is { } error ? throw new ConstraintException($"{at} {error}") : new NamePattern(text);

    private static YamlNode? Child(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var child) && !IsNull(child) ? child : null;

    private static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: not (YamlDotNet.Core.ScalarStyle.SingleQuoted or YamlDotNet.Core.ScalarStyle.DoubleQuoted) } scalar
        && scalar.Value is null or "" or "~" or "null";

    private static string? Scalar(YamlMappingNode node, string key, string at) => Child(node, key) switch
    {
        null => null,
        YamlScalarNode scalar => scalar.Value,
        _ => throw new ConstraintException($"{at} is not a single value"),
    };

    private static YamlMappingNode? Mapping(YamlMappingNode node, string key, string at) => Child(node, key) switch
    {
        null => null,
        YamlMappingNode mapping => mapping,
        _ => throw new ConstraintException($"{at} is not a mapping"),
    };

    private static List<string> Strings(YamlMappingNode node, string key, string at)
    {
        switch (Child(node, key))
        {
            case null:
                return [];
            case YamlSequenceNode sequence:
                var values = new List<string>();
                var i = 0;
                foreach (var item in sequence)
                {
                    if (item is not YamlScalarNode { Value: { } value }) throw new ConstraintException($"{at}[{i}] is not a string");
                    values.Add(value);
                    i++;
                }
                return values;
            default:
                throw new ConstraintException($"{at} is not a list");
        }
    }

    private sealed class ConstraintException(string message) : Exception(message);
}
