using Berth.Core;
using Berth.Metadata.Access;

namespace Berth.Policy.Tests;

public sealed class DeploymentPolicyTests : IAsyncLifetime
{
    private PolicyDatabase _db = null!;

    public async Task InitializeAsync() => _db = await PolicyDatabase.CreateAsync();

    public async Task DisposeAsync() => await _db.DisposeAsync();

    private static readonly ArtifactSubject Subject =
        new("shop/web", Digest.Compute("web"u8.ToArray()), "application/vnd.oci.image.manifest.v1+json");

    [Fact]
    public async Task EvaluateAsync_CollectsEveryViolationInCheckOrder_AndTheEarliestValidUntil()
    {
        await _db.CreateProjectAsync("shop");
        var soon = DateTimeOffset.UtcNow.AddHours(1);
        var policy = new DeploymentPolicy(_db.Projects,
            [new FixedCheck(20, new PolicyViolation(PolicyKinds.Vulnerability, "too vulnerable", ["CVE-2024-1"]), soon.AddHours(1)),
             new FixedCheck(10, new PolicyViolation(PolicyKinds.CosignSignature, "not signed"), soon),
             new FixedCheck(30, null, null)],
            []);

        var verdict = await policy.EvaluateAsync(Subject, default);

        Assert.False(verdict.IsAllowed);
        Assert.Equal(["not signed", "too vulnerable"], verdict.Violations.Select(v => v.Message));
        Assert.Equal(soon, verdict.ValidUntil);
    }

    [Fact]
    public async Task EvaluateAsync_ExemptArtifact_IsAllowedDespiteViolations()
    {
        await _db.CreateProjectAsync("shop");
        var exemption = new FixedExemption(true);
        var policy = new DeploymentPolicy(_db.Projects, [new FixedCheck(1, new PolicyViolation(PolicyKinds.Unscanned, "unscanned"), null)], [exemption]);

        Assert.True((await policy.EvaluateAsync(Subject, default)).IsAllowed);
        Assert.Equal(1, exemption.Calls);
    }

    [Fact]
    public async Task EvaluateAsync_PassingArtifact_DoesNotAskTheExemptions()
    {
        await _db.CreateProjectAsync("shop");
        var exemption = new FixedExemption(true);
        var policy = new DeploymentPolicy(_db.Projects, [new FixedCheck(1, null, null)], [exemption]);

        Assert.True((await policy.EvaluateAsync(Subject, default)).IsAllowed);
        Assert.Equal(0, exemption.Calls);
    }

    [Fact]
    public async Task EvaluateAsync_UnknownProject_IsAllowed()
    {
        var check = new FixedCheck(1, new PolicyViolation(PolicyKinds.Unscanned, "unscanned"), null);
        var policy = new DeploymentPolicy(_db.Projects, [check], [new FixedExemption(false)]);

        Assert.True((await policy.EvaluateAsync(Subject, default)).IsAllowed);
        Assert.Equal(0, check.Calls);
    }

    [Fact]
    public async Task EvaluateAsync_WithARevision_RemembersTheProjectUntilTheRevisionMoves()
    {
        var project = await _db.CreateProjectAsync("shop");
        var revision = new PolicyRevision();
        var check = new MetadataCheck();
        var policy = new DeploymentPolicy(_db.Projects, [check], [], revision, TimeProvider.System);
        Assert.True((await policy.EvaluateAsync(Subject, default)).IsAllowed);

        await _db.Projects.SetMetadataAsync(project.Id, new Dictionary<string, string> { ["prevent_vul"] = "true" }, default);
        Assert.True((await policy.EvaluateAsync(Subject, default)).IsAllowed);

        revision.Advance();
        Assert.False((await policy.EvaluateAsync(Subject, default)).IsAllowed);
    }

    /// <summary>Refuses when the project it is given has <c>prevent_vul</c>: shows which project row the policy read.</summary>
    private sealed class MetadataCheck : IPolicyCheck
    {
        public int Order => 1;

        public ValueTask<PolicyCheckResult> CheckAsync(ProjectRecord project, ArtifactSubject subject, CancellationToken cancellationToken) =>
            ValueTask.FromResult(project.Metadata.ContainsKey("prevent_vul")
                ? new PolicyCheckResult(new PolicyViolation(PolicyKinds.Vulnerability, "prevent_vul is on"))
                : PolicyCheckResult.Pass);
    }

    private sealed class FixedCheck(int order, PolicyViolation? violation, DateTimeOffset? validUntil) : IPolicyCheck
    {
        public int Calls { get; private set; }

        public int Order => order;

        public ValueTask<PolicyCheckResult> CheckAsync(ProjectRecord project, ArtifactSubject subject, CancellationToken cancellationToken)
        {
            Calls++;
            return ValueTask.FromResult(new PolicyCheckResult(violation, validUntil));
        }
    }

    private sealed class FixedExemption(bool exempt) : IPolicyExemption
    {
        public int Calls { get; private set; }

        public ValueTask<bool> IsExemptAsync(ArtifactSubject subject, CancellationToken cancellationToken)
        {
            Calls++;
            return ValueTask.FromResult(exempt);
        }
    }
}
