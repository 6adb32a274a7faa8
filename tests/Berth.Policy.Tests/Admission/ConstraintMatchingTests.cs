using static Berth.Policy.Tests.Admission.AdmissionHarness;
using static Berth.Policy.Tests.Admission.AdmissionReviews;

namespace Berth.Policy.Tests.Admission;

public sealed class ConstraintMatchingTests
{
    private static byte[] ForeignPod(string kind = "Pod", string @namespace = "team-a", Dictionary<string, string>? labels = null) =>
        Review(kind, AdmissionReviews.Object(kind, PodSpec([("web", "nginx")]), labels, labels), "CREATE", null, @namespace);

    private static async Task<bool> AllowedAsync(string constraint, byte[] review)
    {
        await using var harness = await CreateAsync(constraint);
        return (await harness.RespondAsync(review)).GetProperty("allowed").GetBoolean();
    }

    [Theory]
    [InlineData("kube-system", true)]
    [InlineData("kube-public", true)]
    [InlineData("team-a", false)]
    public async Task ExcludedNamespaces_AcceptPrefixGlobs(string @namespace, bool allowed)
    {
        var constraint = Constraint("repos", "[\"registry.example.com/\"]", match: "  match:\n    excludedNamespaces: [\"kube-*\"]");

        Assert.Equal(allowed, await AllowedAsync(constraint, ForeignPod(@namespace: @namespace)));
    }

    [Theory]
    [InlineData("prod", false)]
    [InlineData("dev", true)]
    public async Task Namespaces_LimitTheConstraint(string @namespace, bool allowed)
    {
        var constraint = Constraint("repos", "[\"registry.example.com/\"]", match: "  match:\n    namespaces: [\"prod\"]");

        Assert.Equal(allowed, await AllowedAsync(constraint, ForeignPod(@namespace: @namespace)));
    }

    [Theory]
    [InlineData("critical", false)]
    [InlineData("batch", true)]
    public async Task LabelSelector_MatchLabelsAndExpressions(string tier, bool allowed)
    {
        var constraint = Constraint("repos", "[\"registry.example.com/\"]", match: """
              match:
                labelSelector:
                  matchLabels: {app: web}
                  matchExpressions:
                  - {key: tier, operator: In, values: [critical]}
                  - {key: exempt, operator: DoesNotExist}
            """);

        Assert.Equal(allowed, await AllowedAsync(constraint, ForeignPod(labels: new() { ["app"] = "web", ["tier"] = tier })));
    }

    [Fact]
    public async Task PodOnlyConstraint_AlsoChecksWorkloadTemplates()
    {
        var constraint = Constraint("repos", "[\"registry.example.com/\"]", match: "  match:\n    kinds:\n    - apiGroups: [\"\"]\n      kinds: [\"Pod\"]");

        Assert.False(await AllowedAsync(constraint, ForeignPod("Deployment")));
        Assert.False(await AllowedAsync(constraint, ForeignPod("CronJob")));
    }

    [Fact]
    public async Task DeploymentOnlyConstraint_DoesNotCheckPods()
    {
        var constraint = Constraint("repos", "[\"registry.example.com/\"]", match: "  match:\n    kinds:\n    - apiGroups: [\"apps\"]\n      kinds: [\"Deployment\"]");

        Assert.False(await AllowedAsync(constraint, ForeignPod("Deployment")));
        Assert.True(await AllowedAsync(constraint, ForeignPod("Pod")));
    }

    [Fact]
    public async Task Warn_Allows_WithTheMessageAsAWarning()
    {
        await using var harness = await CreateAsync(Constraint("soft", "[\"registry.example.com\"]", "warn"));

        var response = await harness.RespondAsync(ForeignPod());

        Assert.True(response.GetProperty("allowed").GetBoolean());
        Assert.Equal(
            ["[denied by soft] container \"web\" has an invalid image repo \"docker.io/library/nginx:latest\", allowed repos are [\"registry.example.com\"]"],
            response.GetProperty("warnings").EnumerateArray().Select(w => w.GetString()));
    }

    [Fact]
    public async Task DryRun_Allows_AndRecordsTheFindingOnly()
    {
        await using var harness = await CreateAsync(Constraint("audit-only", "[\"registry.example.com\"]", "dryrun"));

        var outcome = await harness.ValidateAsync(ForeignPod());
        var response = AdmissionReviews.Response(outcome.Review!);

        Assert.True(response.GetProperty("allowed").GetBoolean());
        Assert.False(response.TryGetProperty("warnings", out _));
        Assert.Single(outcome.DryRun);
        Assert.StartsWith("[denied by audit-only] container \"web\"", outcome.DryRun[0]);
    }

    [Fact]
    public async Task EveryMatchingConstraintMustPass()
    {
        var constraints = Constraint("one", "[\"registry.example.com\"]") + "\n---\n" + Constraint("two", "[\"registry.example.com/shop/\"]");
        await using var harness = await CreateAsync(constraints);

        var message = Message(await harness.RespondAsync(Pod(("web", "registry.example.com/other/web:1"))));

        Assert.Equal("[denied by two] container \"web\" has an invalid image repo \"registry.example.com/other/web:1\", allowed repos are [\"registry.example.com/shop/\"]", message);
    }

    [Fact]
    public async Task NoConstraintConfigured_AdmitsOnlyBerthsOwnAddress()
    {
        await using var harness = await CreateAsync(null);

        // An image on Berth's address passes the registry rule; that it does not exist is the registry policy's denial.
        var own = Message(await harness.RespondAsync(Pod(("web", $"{Registry}/library/missing:1"))));
        Assert.DoesNotContain("berth-allowed-registries", own);
        Assert.StartsWith("[denied by berth-registry-policy]", own);
        var message = Message(await harness.RespondAsync(Pod(("web", "berth.example.com/shop/web:1"))));
        Assert.Equal($"[denied by berth-allowed-registries] container \"web\" has an invalid image repo \"berth.example.com/shop/web:1\", allowed repos are [\"{Registry}\"]", message);
    }
}
