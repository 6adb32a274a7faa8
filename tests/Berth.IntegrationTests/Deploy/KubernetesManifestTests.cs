using Berth.Configuration.Tls;
using YamlDotNet.RepresentationModel;
using static Berth.IntegrationTests.Deploy.KubernetesManifests;

namespace Berth.IntegrationTests.Deploy;

/// <summary>deploy/kubernetes: every file parses, and the webhooks fail closed only where that is safe.</summary>
public sealed class KubernetesManifestTests
{
    public static TheoryData<string, string> Webhooks => new()
    {
        { "validating-webhook.yaml", "/admission/validate" },
        { "mutating-webhook.yaml", "/admission/mutate" },
    };

    [Fact]
    public void Every_yaml_file_parses_into_kubernetes_objects()
    {
        Assert.True(Files.Count >= 8, $"expected the manifests, found {string.Join(", ", Files)}");
        foreach (var file in Files)
        {
            foreach (var document in Parse(File.ReadAllText(file)))
            {
                Assert.False(string.IsNullOrEmpty(Text(document, "apiVersion")), file);
                Assert.False(string.IsNullOrEmpty(Text(document, "kind")), file);
            }
        }
    }

    [Fact]
    public void The_kustomization_lists_every_manifest_but_the_secret_template_and_generates_that_secret()
    {
        var kustomization = Load("kustomization.yaml");
        var resources = Texts(kustomization, "resources");
        var expected = Files.Select(Path.GetFileName).Where(f => f is not ("kustomization.yaml" or "secret-tls.yaml"));
        Assert.Equal(expected.Order(), resources.Order());
        var secret = Assert.Single(Items(kustomization, "secretGenerator"));
        Assert.Equal("berth-tls", Text(secret, "name"));
        Assert.Equal(["tls.crt=tls/tls.crt", "tls.key=tls/tls.key", "ca.crt=tls/ca.crt"], Texts(secret, "files"));
    }

    [Theory]
    [MemberData(nameof(Webhooks))]
    public void The_webhook_fails_closed_quickly_for_every_pod_creating_kind(string file, string path)
    {
        var configuration = Load(file);
        var webhook = Assert.Single(Items(configuration, "webhooks"));
        Assert.Equal("Fail", Text(webhook, "failurePolicy"));
        Assert.Equal("5", Text(webhook, "timeoutSeconds"));
        Assert.Equal("None", Text(webhook, "sideEffects"));
        Assert.Equal("Equivalent", Text(webhook, "matchPolicy"));
        Assert.Equal(["v1"], Texts(webhook, "admissionReviewVersions"));
        Assert.EndsWith(".berth.dev", Text(webhook, "name"));

        var service = Node(webhook, "clientConfig", "service");
        Assert.Equal(path, Text(service, "path"));
        Assert.Equal("berth", Text(service, "name"));
        Assert.Equal("berth", Text(service, "namespace"));
        Assert.Equal("443", Text(service, "port"));
        Assert.Equal("CA_BUNDLE_FROM_BERTH_ADMIN_WEBHOOK_CERT", Text(webhook, "clientConfig", "caBundle"));

        var rules = Items(webhook, "rules");
        var covered = rules.SelectMany(rule => Texts(rule, "apiGroups").SelectMany(group => Texts(rule, "resources").Select(resource => $"{group}/{resource}"))).Order();
        Assert.Equal(new[]
        {
            "/pods", "/pods/ephemeralcontainers", "/podtemplates", "/replicationcontrollers",
            "apps/daemonsets", "apps/deployments", "apps/replicasets", "apps/statefulsets",
            "batch/cronjobs", "batch/jobs",
        }.Order(), covered);
        foreach (var rule in rules)
        {
            Assert.Equal(["CREATE", "UPDATE"], Texts(rule, "operations"));
            Assert.Equal(["v1"], Texts(rule, "apiVersions"));
            Assert.Equal("Namespaced", Text(rule, "scope"));
        }
    }

    [Theory]
    [MemberData(nameof(Webhooks))]
    public void The_cluster_and_berth_namespaces_and_opted_out_ones_are_never_sent(string file, string path)
    {
        _ = path;
        var webhook = Assert.Single(Items(Load(file), "webhooks"));
        var expressions = Items(webhook, "namespaceSelector", "matchExpressions");
        var byName = Assert.Single(expressions, e => Text(e, "key") == "kubernetes.io/metadata.name");
        Assert.Equal("NotIn", Text(byName, "operator"));
        Assert.Equal(["kube-system", "kube-public", "kube-node-lease", "berth"], Texts(byName, "values"));
        var optOut = Assert.Single(expressions, e => Text(e, "key") == "berth.dev/admission");
        Assert.Equal("NotIn", Text(optOut, "operator"));
        Assert.Equal(["ignore"], Texts(optOut, "values"));
        Assert.Equal(2, expressions.Count);
        Assert.Equal("berth", Text(Load("namespace.yaml"), "metadata", "name"));
        Assert.Equal("ignore", Text(Load("namespace.yaml"), "metadata", "labels", "berth.dev/admission"));
    }

    [Fact]
    public void Only_the_mutating_webhook_is_reinvoked()
    {
        Assert.Equal("IfNeeded", Text(Assert.Single(Items(Load("mutating-webhook.yaml"), "webhooks")), "reinvocationPolicy"));
        Assert.Equal("MutatingWebhookConfiguration", Text(Load("mutating-webhook.yaml"), "kind"));
        Assert.Equal("ValidatingWebhookConfiguration", Text(Load("validating-webhook.yaml"), "kind"));
        Assert.DoesNotContain(Items(Load("validating-webhook.yaml"), "webhooks"),
            w => ((YamlMappingNode)w).Children.ContainsKey(new YamlScalarNode("reinvocationPolicy")));
    }

    [Fact]
    public void One_berth_pod_owns_the_data_volume_and_serves_tls_from_the_secret()
    {
        var deployment = Load("deployment.yaml");
        Assert.Equal("1", Text(deployment, "spec", "replicas"));
        Assert.Equal("Recreate", Text(deployment, "spec", "strategy", "type"));
        var pod = Node(deployment, "spec", "template", "spec");
        var container = Assert.Single(Items(pod, "containers"));
        foreach (var probe in new[] { "readinessProbe", "livenessProbe", "startupProbe" })
            Assert.Equal("/api/v2.0/health", Text(container, probe, "httpGet", "path"));

        var environment = Items(container, "env").ToDictionary(e => Text(e, "name")!, e => e);
        var certificate = Text(environment[Variable(TlsSettings.CertificateKey)], "value")!;
        var key = Text(environment[Variable(TlsSettings.KeyKey)], "value")!;
        Assert.Equal("0.0.0.0:8443", Text(environment[Variable(TlsSettings.ListenKey)], "value"));
        Assert.Contains(Variable(TlsSettings.ReloadIntervalKey), environment.Keys);

        var tlsMount = Assert.Single(Items(container, "volumeMounts"), m => Text(m, "name") == "tls");
        Assert.Equal(Path.Combine(Text(tlsMount, "mountPath")!, "tls.crt"), certificate);
        Assert.Equal(Path.Combine(Text(tlsMount, "mountPath")!, "tls.key"), key);
        var volumes = Items(pod, "volumes");
        Assert.Equal("berth-tls", Text(Assert.Single(volumes, v => Text(v, "name") == "tls"), "secret", "secretName"));
        Assert.Equal("berth-data", Text(Assert.Single(volumes, v => Text(v, "name") == "data"), "persistentVolumeClaim", "claimName"));
        Assert.Equal("/data", Text(Assert.Single(Items(container, "volumeMounts"), m => Text(m, "name") == "data"), "mountPath"));
        Assert.Equal("berth-data", Text(Load("pvc.yaml"), "metadata", "name"));

        // The Service's 443 lands on the container's TLS port, its registry port on the plain one.
        var ports = Items(container, "ports").ToDictionary(p => Text(p, "name")!, p => Text(p, "containerPort"));
        Assert.Equal("8443", ports["https"]);
        Assert.Equal("5000", ports["registry"]);
        var servicePorts = Items(Load("service.yaml"), "spec", "ports").ToDictionary(p => Text(p, "port")!, p => Text(p, "targetPort"));
        Assert.Equal("https", servicePorts["443"]);
        Assert.Equal("registry", servicePorts["5000"]);
    }

    private static string Variable(string key) => "BERTH__" + key.Replace(":", "__");
}
