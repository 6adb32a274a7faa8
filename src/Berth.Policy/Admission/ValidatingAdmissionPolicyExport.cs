namespace Berth.Policy.Admission;

/// <summary>
/// The allowed-registry constraints as Kubernetes <c>ValidatingAdmissionPolicy</c> and binding objects
/// (admissionregistration.k8s.io/v1): a first layer the API server enforces itself, even while the webhook is
/// down. CEL cannot call Berth, so the registry policy (scans, signatures) stays with the webhook.
/// <para>
/// Normalization in CEL, as far as it goes: a first component with '.', ':', <c>localhost</c> or upper case is a
/// host (lower-cased); anything else is on <c>docker.io</c>, single names under <c>library/</c>;
/// <c>index.docker.io</c> becomes <c>docker.io</c>. An image without a tag is not given <c>:latest</c> (so an entry
/// with a tag needs the tag written), references are not otherwise validated (the runtime refuses bad ones),
/// and on UPDATE every image is checked, not only new ones.
/// </para>
/// </summary>
public static class ValidatingAdmissionPolicyExport
{
    public const string ApiVersion = "admissionregistration.k8s.io/v1";

    private static readonly (string Group, string Kind, string Resource)[] PodKinds =
    [
        ("", "Pod", "pods"),
        ("", "Pod", "pods/ephemeralcontainers"),
        ("", "ReplicationController", "replicationcontrollers"),
        ("", "PodTemplate", "podtemplates"),
        ("apps", "Deployment", "deployments"),
        ("apps", "ReplicaSet", "replicasets"),
        ("apps", "StatefulSet", "statefulsets"),
        ("apps", "DaemonSet", "daemonsets"),
        ("batch", "Job", "jobs"),
        ("batch", "CronJob", "cronjobs"),
    ];

    public const string PodSpec =
        "object.kind == 'Pod' ? object.spec : object.kind == 'PodTemplate' ? object.template.spec : " +
        "object.kind == 'CronJob' ? object.spec.jobTemplate.spec.template.spec : object.spec.template.spec";

    public const string Containers =
        "(has(variables.podSpec.containers) ? variables.podSpec.containers : []) + " +
        "(has(variables.podSpec.initContainers) ? variables.podSpec.initContainers : []) + " +
        "(has(variables.podSpec.ephemeralContainers) ? variables.podSpec.ephemeralContainers : [])";

    public const string Images = "variables.containers.filter(c, has(c.image)).map(c, c.image)";

    /// <summary>Step one: the registry host, lower-cased, or docker.io for a Docker Hub name.</summary>
    public const string Named =
        "variables.images.map(i, i.contains('/') && (i.split('/')[0].contains('.') || i.split('/')[0].contains(':') || " +
        "i.split('/')[0] == 'localhost' || i.split('/')[0].lowerAscii() != i.split('/')[0]) " +
        "? i.split('/')[0].lowerAscii() + i.substring(i.indexOf('/')) " +
        ": (i.contains('/') ? 'docker.io/' + i : 'docker.io/library/' + i))";

    /// <summary>Step two: index.docker.io is docker.io, whose single names are official images under library/.</summary>
    public const string Normalized =
        "variables.named.map(n, n.startsWith('index.docker.io/') ? 'docker.io/' + n.substring(16) : n)" +
        ".map(n, n.startsWith('docker.io/') && !n.substring(10).split('@')[0].contains('/') ? 'docker.io/library/' + n.substring(10) : n)";

    /// <summary>Both objects for every constraint, in order, as plain maps and lists ready for a YAML writer.</summary>
    public static IReadOnlyList<Dictionary<string, object>> Build(IReadOnlyList<AllowedReposConstraint> constraints)
    {
        var objects = new List<Dictionary<string, object>>();
        foreach (var constraint in constraints)
        {
            objects.Add(Policy(constraint));
            objects.Add(Binding(constraint));
        }
        return objects;
    }

    /// <summary>The CEL condition one normalized image <c>n</c> must meet: some entry admits it on a path boundary.</summary>
    public static string Admitted(IReadOnlyList<RepoEntry> entries) =>
        entries.Count == 0 ? "false" : string.Join(" || ", entries.Select(EntryCondition));

    private static string EntryCondition(RepoEntry entry)
    {
        var name = entry.Path.Length == 0 ? entry.Domain : $"{entry.Domain}/{entry.Path}";
        if (entry.Path.Length == 0) return $"n.startsWith('{name}/')";
        if (entry.Tag is not null && entry.Digest is not null) return $"n == '{name}:{entry.Tag}@{entry.Digest}'";
        if (entry.Tag is not null) return $"(n == '{name}:{entry.Tag}' || n.startsWith('{name}:{entry.Tag}@'))";
        if (entry.Digest is not null) return $"(n == '{name}@{entry.Digest}' || (n.startsWith('{name}:') && n.endsWith('@{entry.Digest}')))";
        return $"(n == '{name}' || n.startsWith('{name}/') || n.startsWith('{name}:') || n.startsWith('{name}@'))";
    }

    private static Dictionary<string, object> Policy(AllowedReposConstraint constraint)
    {
        var admitted = Admitted(constraint.Repos);
        var spec = new Dictionary<string, object>
        {
            ["failurePolicy"] = "Fail",
            ["matchConstraints"] = new Dictionary<string, object> { ["resourceRules"] = ResourceRules(constraint.Match) },
            ["variables"] = new List<object>
            {
                Variable("podSpec", PodSpec),
                Variable("containers", Containers),
                Variable("images", Images),
                Variable("named", Named),
                Variable("normalized", Normalized),
            },
            ["validations"] = new List<object>
            {
                new Dictionary<string, object>
                {
                    ["expression"] = $"variables.normalized.all(n, {admitted})",
                    ["messageExpression"] = $"'[denied by {constraint.Name}] images with an invalid repo: ' + " +
                        $"variables.normalized.filter(n, !({admitted})).join(', ') + ', allowed repos are {constraint.ReposText}'",
                    ["reason"] = "Forbidden",
                },
            },
        };
        if (MatchConditions(constraint.Match) is { Count: > 0 } conditions) spec["matchConditions"] = conditions;
        return new Dictionary<string, object>
        {
            ["apiVersion"] = ApiVersion,
            ["kind"] = "ValidatingAdmissionPolicy",
            ["metadata"] = new Dictionary<string, object> { ["name"] = constraint.Name },
            ["spec"] = spec,
        };
    }

    private static Dictionary<string, object> Binding(AllowedReposConstraint constraint)
    {
        var spec = new Dictionary<string, object>
        {
            ["policyName"] = constraint.Name,
            ["validationActions"] = new List<object>
            {
                constraint.Action switch { EnforcementAction.Warn => "Warn", EnforcementAction.DryRun => "Audit", _ => "Deny" },
            },
        };
        if (constraint.Match.LabelSelector is { } selector)
        {
            var objectSelector = new Dictionary<string, object>();
            if (selector.MatchLabels.Count > 0) objectSelector["matchLabels"] = selector.MatchLabels.ToDictionary(p => p.Key, p => (object)p.Value);
            if (selector.MatchExpressions.Count > 0)
            {
                objectSelector["matchExpressions"] = selector.MatchExpressions.Select(e =>
                {
                    var expression = new Dictionary<string, object> { ["key"] = e.Key, ["operator"] = e.Operator };
                    if (e.Values.Count > 0) expression["values"] = e.Values.ToList<object>();
                    return (object)expression;
                }).ToList();
            }
            spec["matchResources"] = new Dictionary<string, object> { ["objectSelector"] = objectSelector };
        }
        return new Dictionary<string, object>
        {
            ["apiVersion"] = ApiVersion,
            ["kind"] = "ValidatingAdmissionPolicyBinding",
            ["metadata"] = new Dictionary<string, object> { ["name"] = constraint.Name },
            ["spec"] = spec,
        };
    }

    /// <summary>The constraint's kinds as resource rules; a Pod constraint covers the workload templates too, as in the webhook.</summary>
    private static List<object> ResourceRules(ConstraintMatch match)
    {
        var kinds = PodKinds.Where(k => match.Kinds.Count == 0 || match.Kinds.Any(m => m.Matches(k.Group, k.Kind) || m.Matches("", "Pod")));
        return [.. kinds.GroupBy(k => k.Group).Select(g => (object)new Dictionary<string, object>
        {
            ["apiGroups"] = new List<object> { g.Key },
            ["apiVersions"] = new List<object> { "v1" },
            ["operations"] = new List<object> { "CREATE", "UPDATE" },
            ["resources"] = g.Select(k => (object)k.Resource).Distinct().ToList(),
        })];
    }

    /// <summary>Namespace globs cannot be label selectors, so they become CEL match conditions on <c>request.namespace</c>.</summary>
    private static List<object> MatchConditions(ConstraintMatch match)
    {
        var conditions = new List<object>();
        if (match.Namespaces.Count > 0)
            conditions.Add(Variable("namespaces", $"request.namespace == '' || {string.Join(" || ", match.Namespaces.Select(NamespaceCondition))}", "expression"));
        if (match.ExcludedNamespaces.Count > 0)
            conditions.Add(Variable("excluded-namespaces", $"request.namespace == '' || !({string.Join(" || ", match.ExcludedNamespaces.Select(NamespaceCondition))})", "expression"));
        return conditions;
    }

    private static string NamespaceCondition(NamePattern pattern) => pattern.Text switch
    {
        "*" => "true",
        var t when t.EndsWith('*') => $"request.namespace.startsWith('{t[..^1]}')",
        var t when t.StartsWith('*') => $"request.namespace.endsWith('{t[1..]}')",
        var t => $"request.namespace == '{t}'",
    };

    private static Dictionary<string, object> Variable(string name, string expression, string field = "expression") =>
        new() { ["name"] = name, [field] = expression };
}
