using Berth.Policy.Admission;

namespace Berth.Policy.Tests.Admission;

public sealed class ConstraintFilesTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("berth-constraints-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string Write(string name, string yaml)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllText(path, yaml);
        return path;
    }

    private const string Template = """
        apiVersion: templates.gatekeeper.sh/v1
        kind: ConstraintTemplate
        metadata:
          name: k8sallowedrepos
        spec:
          crd: {spec: {names: {kind: K8sAllowedRepos}}}
        """;

    [Fact]
    public void GatekeeperFilesAsTheyAre_Load_SkippingTheTemplate()
    {
        Write("template.yaml", Template);
        Write("repos.yaml", """
            apiVersion: constraints.gatekeeper.sh/v1beta1
            kind: K8sAllowedRepos
            metadata:
              name: repo-is-openpolicyagent
            spec:
              match:
                kinds:
                  - apiGroups: [""]
                    kinds: ["Pod"]
                namespaces:
                  - "default"
              parameters:
                repos:
                  - "openpolicyagent/"
            ---
            apiVersion: constraints.gatekeeper.sh/v1beta1
            kind: K8sAllowedRepos
            metadata: {name: harbor-only}
            spec:
              enforcementAction: warn
              parameters: {repos: ["harbor.example.com", "quay.io/team/*"]}
            """);

        var constraints = ConstraintFiles.Load([_directory], out var error);

        Assert.Null(error);
        Assert.Equal(["harbor-only", "repo-is-openpolicyagent"], constraints!.Select(c => c.Name).Order());
        var opa = constraints!.Single(c => c.Name == "repo-is-openpolicyagent");
        Assert.Equal(EnforcementAction.Deny, opa.Action);
        Assert.Equal("[\"openpolicyagent/\"]", opa.ReposText);
        Assert.Equal(("docker.io", "openpolicyagent"), (opa.Repos[0].Domain, opa.Repos[0].Path));
        Assert.Equal(EnforcementAction.Warn, constraints!.Single(c => c.Name == "harbor-only").Action);
    }

    [Theory]
    [InlineData("enforcementAction: block", "spec.enforcementAction is 'block'; expected deny, warn or dryrun")]
    [InlineData("parameters: {repos: []}", "spec.parameters.repos is missing or empty")]
    [InlineData("parameters: {repos: [\"harbor*\"]}", "spec.parameters.repos[0] 'harbor*': a '*' is accepted only as a final '/*'")]
    [InlineData("parameters: {repos: [\"harbor.example.com/Shop\"]}", "spec.parameters.repos[0] 'harbor.example.com/Shop': the repository 'Shop' must be lower-case")]
    [InlineData("match: {namespaceSelector: {matchLabels: {a: b}}}", "spec.match.namespaceSelector is not supported")]
    [InlineData("match: {namespace: [x]}", "spec.match.namespace is not a match field Berth knows")]
    [InlineData("match: {scope: Everywhere}", "spec.match.scope is 'Everywhere'")]
    [InlineData("match: {excludedNamespaces: [\"ku*be\"]}", "spec.match.excludedNamespaces[0] 'ku*be' has a '*'")]
    [InlineData("match: {labelSelector: {matchExpressions: [{key: a, operator: Has}]}}", "spec.match.labelSelector.matchExpressions[0].operator is 'Has'")]
    [InlineData("match: {labelSelector: {matchExpressions: [{key: a, operator: In}]}}", "matchExpressions[0].values must not be empty for In")]
    [InlineData("match: {kinds: Pod}", "spec.match.kinds is not a list")]
    public void InvalidConstraint_IsRefused_NamingKeyFileAndField(string specLine, string expected)
    {
        var file = Write("bad.yaml", $"""
            apiVersion: constraints.gatekeeper.sh/v1beta1
            kind: K8sAllowedRepos
            metadata: {"{name: broken}"}
            spec:
              {specLine}
            """ + (specLine.StartsWith("parameters") ? "" : "\n  parameters: {repos: [\"harbor.example.com\"]}"));

        Assert.Null(ConstraintFiles.Load([file], out var error));

        Assert.StartsWith($"Admission:Constraints: {file}, document 1", error);
        Assert.Contains(expected, error);
    }

    [Fact]
    public void OtherKinds_AreRefused()
    {
        var file = Write("v2.yaml", "apiVersion: constraints.gatekeeper.sh/v1beta1\nkind: K8sAllowedReposv2\nmetadata: {name: x}\nspec: {parameters: {allowedImages: [a]}}");

        Assert.Null(ConstraintFiles.Load([file], out var error));
        Assert.Contains("kind is 'K8sAllowedReposv2'; Berth enforces K8sAllowedRepos constraints", error);
    }

    [Fact]
    public void SecondDocument_IsNamedInTheError()
    {
        var file = Write("two.yaml", "apiVersion: constraints.gatekeeper.sh/v1beta1\nkind: K8sAllowedRepos\nmetadata: {name: a}\nspec: {parameters: {repos: [x.io]}}\n---\napiVersion: v1\nkind: K8sAllowedRepos\n");

        Assert.Null(ConstraintFiles.Load([file], out var error));
        Assert.Contains($"{file}, document 2 (line 6): apiVersion is 'v1'", error);
    }

    [Fact]
    public void BrokenYaml_MissingPath_AndDuplicateNames_AreRefused()
    {
        Assert.Null(ConstraintFiles.Load([Write("broken.yaml", "kind: [unclosed")], out var yamlError));
        Assert.Contains("cannot be read as YAML", yamlError);

        Assert.Null(ConstraintFiles.Load([Path.Combine(_directory, "missing.yaml")], out var missingError));
        Assert.Contains("is neither a file nor a directory", missingError);

        var one = "apiVersion: constraints.gatekeeper.sh/v1beta1\nkind: K8sAllowedRepos\nmetadata: {name: same}\nspec: {parameters: {repos: [x.io]}}\n";
        Assert.Null(ConstraintFiles.Load([Write("dup.yaml", one + "---\n" + one)], out var duplicateError));
        Assert.Contains("constraint 'same' is defined twice", duplicateError);
    }
}
