using Berth.Policy.Admission;
using YamlDotNet.RepresentationModel;
using YamlDotNet.Serialization;

namespace Berth.Policy.Tests.Admission;

public sealed class ValidatingAdmissionPolicyExportTests
{
    private static List<YamlMappingNode> Export(IReadOnlyList<AllowedReposConstraint> constraints)
    {
        var serializer = new SerializerBuilder().Build();
        var yaml = string.Join("---\n", ValidatingAdmissionPolicyExport.Build(constraints).Select(serializer.Serialize));
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return [.. stream.Documents.Select(d => (YamlMappingNode)d.RootNode)];
    }

    private static string At(YamlNode node, params string[] path)
    {
        foreach (var step in path) node = int.TryParse(step, out var i) ? ((YamlSequenceNode)node)[i] : ((YamlMappingNode)node)[step];
        return ((YamlScalarNode)node).Value!;
    }

    private static AllowedReposConstraint Constraint(string name, EnforcementAction action, ConstraintMatch match, params string[] repos) =>
        new(name, match, [.. repos.Select(r => RepoEntry.Parse(r, out _)!)], action, "test");

    [Fact]
    public void EachConstraint_BecomesAPolicyAndABinding_WithActionsFromEnforcementAction()
    {
        var documents = Export([
            Constraint("strict", EnforcementAction.Deny, ConstraintMatch.Everything, "registry.example.com"),
            Constraint("soft", EnforcementAction.Warn, ConstraintMatch.Everything, "registry.example.com/prod/"),
            Constraint("audit", EnforcementAction.DryRun, ConstraintMatch.Everything, "nginx")]);

        Assert.Equal(6, documents.Count);
        Assert.Equal(["ValidatingAdmissionPolicy", "ValidatingAdmissionPolicyBinding"], documents.Take(2).Select(d => At(d, "kind")));
        Assert.All(documents, d => Assert.Equal("admissionregistration.k8s.io/v1", At(d, "apiVersion")));
        Assert.Equal("strict", At(documents[1], "spec", "policyName"));
        Assert.Equal(["Deny", "Warn", "Audit"], new[] { 1, 3, 5 }.Select(i => At(documents[i], "spec", "validationActions", "0")));
    }

    [Fact]
    public void Validation_ComparesNormalizedImagesOnPathBoundaries()
    {
        var policy = Export([Constraint("repos", EnforcementAction.Deny, ConstraintMatch.Everything, "registry.example.com", "registry.example.com:5000/shop", "nginx")])[0];

        var expression = At(policy, "spec", "validations", "0", "expression");
        Assert.Equal(
            "variables.normalized.all(n, n.startsWith('registry.example.com/') || " +
            "(n == 'registry.example.com:5000/shop' || n.startsWith('registry.example.com:5000/shop/') || n.startsWith('registry.example.com:5000/shop:') || n.startsWith('registry.example.com:5000/shop@')) || " +
            "(n == 'docker.io/library/nginx' || n.startsWith('docker.io/library/nginx/') || n.startsWith('docker.io/library/nginx:') || n.startsWith('docker.io/library/nginx@')))",
            expression);
        Assert.DoesNotContain("startsWith('registry.example.com')", expression);
        Assert.Contains("allowed repos are [\"registry.example.com\",\"registry.example.com:5000/shop\",\"nginx\"]", At(policy, "spec", "validations", "0", "messageExpression"));
        var variables = (YamlSequenceNode)((YamlMappingNode)policy["spec"])["variables"];
        Assert.Equal(["podSpec", "containers", "images", "named", "normalized"], variables.Select(v => At(v, "name")));
        Assert.Contains("object.spec.jobTemplate.spec.template.spec", At(variables[0], "expression"));
        Assert.Contains("ephemeralContainers", At(variables[1], "expression"));
        Assert.Contains("'docker.io/library/' + i", At(variables[3], "expression"));
    }

    [Fact]
    public void PodConstraint_CoversWorkloads_AndNamespaceGlobsBecomeMatchConditions()
    {
        var match = new ConstraintMatch([new KindMatcher([""], ["Pod"])], [], [new NamePattern("kube-*"), new NamePattern("berth")], null, null, "*");
        var policy = Export([Constraint("repos", EnforcementAction.Deny, match, "registry.example.com")])[0];

        var rules = (YamlSequenceNode)((YamlMappingNode)((YamlMappingNode)policy["spec"])["matchConstraints"])["resourceRules"];
        var resources = rules.SelectMany(r => (YamlSequenceNode)((YamlMappingNode)r)["resources"]).Select(r => ((YamlScalarNode)r).Value);
        Assert.Equal(["pods", "pods/ephemeralcontainers", "replicationcontrollers", "podtemplates", "deployments", "replicasets", "statefulsets", "daemonsets", "jobs", "cronjobs"], resources);
        Assert.Equal("request.namespace == '' || !(request.namespace.startsWith('kube-') || request.namespace == 'berth')", At(policy, "spec", "matchConditions", "0", "expression"));
    }
}
