using System.Text.Json.Nodes;
using Berth.Core;
using Berth.Metadata.Admission;
using Berth.Metadata.Sqlite;
using Berth.Policy.Admission;
using static Berth.Policy.Tests.Admission.AdmissionHarness;
using static Berth.Policy.Tests.Admission.AdmissionReviews;

namespace Berth.Policy.Tests.Admission;

/// <summary>
/// The audit view over a real SQLite file: what admitted reviews are remembered, forgotten and expired, and how the
/// remembered workloads are judged again by the current constraints and registry policy.
/// </summary>
public sealed class AdmissionAuditTests : IAsyncLifetime
{
    private PolicyDatabase _database = null!;
    private Digest _web;
    private readonly ControlledCheck _check = new();
    private readonly PolicyRevision _revision = new();
    private readonly ManualClock _clock = new();

    public async Task InitializeAsync()
    {
        _database = await PolicyDatabase.CreateAsync();
        await _database.CreateProjectAsync("shop");
        _web = await DigestPinningTests.PushAsync(_database.Metadata, "shop/web", "1.0", "web");
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private (AdmissionValidator Validator, AdmissionAudit Audit, AdmissionAuditReport Report) Build(
        string? constraintsYaml = null, AdmissionAuditSettings? auditSettings = null, Func<IAdmissionAuditStore, IAdmissionAuditStore>? wrapStore = null)
    {
        IReadOnlyList<AllowedReposConstraint> constraints = [AllowedReposConstraint.Default(Registry)];
        if (constraintsYaml is not null)
        {
            var file = Path.Combine(_database.Directory, $"constraints-{Guid.NewGuid():N}.yaml");
            File.WriteAllText(file, constraintsYaml);
            constraints = ConstraintFiles.Load([file], out var error) ?? throw new InvalidOperationException(error);
        }
        var settings = new AdmissionSettings(Registry, AdmissionSettings.StandardTimeout, 100);
        var policy = new DeploymentPolicy(_database.Projects, [_check], []);
        var registry = new RegistryAdmission(_database.Metadata, policy, _revision, new AdmissionVerdictCache(_clock, 100), settings);
        var rules = new AllowedRegistries(constraints);
        IAdmissionAuditStore store = new SqliteAdmissionAuditStore(_database.Database);
        if (wrapStore is not null) store = wrapStore(store);
        var audit = new AdmissionAudit(store, _database.Metadata, settings, auditSettings ?? AdmissionAuditSettings.Standard, _clock);
        return (new AdmissionValidator(rules, registry, settings), audit, new AdmissionAuditReport(audit, store, rules, registry, _clock));
    }

    private static async Task SeeAsync(AdmissionValidator validator, AdmissionAudit audit, byte[] review)
    {
        var outcome = await validator.ValidateAsync(review, null, default);
        Assert.False(outcome.IsMalformed, outcome.Error);
        audit.Observe(outcome);
    }

    private static byte[] Deployment(string name, string @namespace, params (string Name, string Image)[] containers)
    {
        var obj = Object("Deployment", PodSpec(containers));
        obj["metadata"]!["name"] = name;
        var review = JsonNode.Parse(Review("Deployment", obj, @namespace: @namespace))!;
        review["request"]!["name"] = name;
        return System.Text.Encoding.UTF8.GetBytes(review.ToJsonString());
    }

    [Fact]
    public async Task AdmittedWorkload_IsRemembered_JudgedAgainNow_AndForgottenOnDelete()
    {
        var (validator, audit, report) = Build();
        await SeeAsync(validator, audit, Deployment("web", "team-a", ("web", $"{Registry}/shop/web:1.0")));

        var clean = await report.RunAsync(default);
        Assert.Equal(1, clean.Workloads);
        Assert.Empty(clean.Violations);

        // A CVE published after admission: the policy now refuses the digest the workload runs.
        _check.Violation = new PolicyViolation(PolicyKinds.Vulnerability, "current image with 1 vulnerabilities cannot be pulled");
        _revision.Advance();
        var violation = Assert.Single((await report.RunAsync(default)).Violations);
        Assert.Equal(EnforcementAction.Deny, violation.Action);
        Assert.Equal(("apps", "Deployment", "team-a", "web"), (violation.Group, violation.Kind, violation.Namespace, violation.Name));
        Assert.Equal(
            $"[denied by berth-registry-policy] container \"web\" image \"{Registry}/shop/web:1.0@{_web}\" ({_web}): current image with 1 vulnerabilities cannot be pulled",
            violation.Message);
        Assert.Equal(_clock.GetUtcNow(), violation.LastSeen);

        var delete = JsonNode.Parse(Review("Deployment", null, "DELETE", Object("Deployment", PodSpec([("web", "x")]))))!;
        delete["request"]!["name"] = "web";
        await SeeAsync(validator, audit, System.Text.Encoding.UTF8.GetBytes(delete.ToJsonString()));
        Assert.Equal(0, (await report.RunAsync(default)).Workloads);
    }

    [Fact]
    public async Task TheRunningDigestIsJudged_NotWhereTheTagPointsNow()
    {
        var (validator, audit, report) = Build();
        await SeeAsync(validator, audit, Deployment("web", "team-a", ("web", $"{Registry}/shop/web:1.0")));
        await audit.FlushAsync(default);
        var moved = await DigestPinningTests.PushAsync(_database.Metadata, "shop/web", "1.0", "moved");
        _check.Violation = new PolicyViolation(PolicyKinds.Vulnerability, "refused");
        _revision.Advance();

        var message = Assert.Single((await report.RunAsync(default)).Violations).Message;

        Assert.Contains($"({_web})", message);
        Assert.DoesNotContain(moved.ToString(), message);
    }

    [Fact]
    public async Task DeniedDryRunAndUnnamedReviews_AreNotRemembered()
    {
        var (validator, audit, report) = Build();
        await SeeAsync(validator, audit, Deployment("foreign", "team-a", ("web", "nginx:1.25")));
        var dryRun = JsonNode.Parse(Deployment("dry", "team-a", ("web", $"{Registry}/shop/web:1.0")))!;
        dryRun["request"]!["dryRun"] = true;
        await SeeAsync(validator, audit, System.Text.Encoding.UTF8.GetBytes(dryRun.ToJsonString()));
        var generated = JsonNode.Parse(Pod(("web", $"{Registry}/shop/web:1.0")))!;
        generated["request"]!["name"] = "";
        generated["request"]!["object"]!["metadata"] = new JsonObject { ["generateName"] = "web-" };
        await SeeAsync(validator, audit, System.Text.Encoding.UTF8.GetBytes(generated.ToJsonString()));

        Assert.Equal(0, (await report.RunAsync(default)).Workloads);
    }

    [Fact]
    public async Task WarnAndDryRunConstraints_AreReportedWithTheirAction()
    {
        var yaml = Constraint("prefer-shop", $"[\"{Registry}/shop/\"]", "warn") + "\n---\n" + Constraint("only-prod", $"[\"{Registry}/prod/\"]", "dryrun");
        var (validator, audit, report) = Build(yaml);
        await SeeAsync(validator, audit, Deployment("web", "team-a", ("web", $"{Registry}/shop/web:1.0")));

        var result = await report.RunAsync(default);

        var violation = Assert.Single(result.Violations);
        Assert.Equal(EnforcementAction.DryRun, violation.Action);
        Assert.StartsWith("[denied by only-prod] container \"web\" has an invalid image repo", violation.Message);
    }

    [Fact]
    public async Task WorkloadsNotSeenWithinTheRetention_OrBeyondTheCapacity_AreForgotten()
    {
        var (validator, audit, report) = Build(auditSettings: new AdmissionAuditSettings(TimeSpan.FromDays(1), 2));
        await SeeAsync(validator, audit, Deployment("old", "team-a", ("web", $"{Registry}/shop/web:1.0")));
        await audit.FlushAsync(default);
        _clock.Advance(TimeSpan.FromDays(2));
        await SeeAsync(validator, audit, Deployment("a", "team-a", ("web", $"{Registry}/shop/web:1.0")));
        await audit.FlushAsync(default);
        _clock.Advance(TimeSpan.FromMinutes(1));
        await SeeAsync(validator, audit, Deployment("b", "team-a", ("web", $"{Registry}/shop/web:1.0")));
        await SeeAsync(validator, audit, Deployment("c", "team-b", ("web", $"{Registry}/shop/web:1.0")));

        _check.Violation = new PolicyViolation(PolicyKinds.Vulnerability, "refused");
        _revision.Advance();
        var names = (await report.RunAsync(default)).Violations.Select(v => v.Name).ToList();

        Assert.Equal(["b", "c"], names);
    }

    [Fact]
    public async Task IdleFlushes_WriteOnlyOnceAMinute_ToExpireOldWorkloads()
    {
        CountingStore? counting = null;
        var (validator, audit, _) = Build(wrapStore: inner => counting = new CountingStore(inner));

        await audit.FlushAsync(default);
        await audit.FlushAsync(default);
        Assert.Equal(1, counting!.Applies);

        _clock.Advance(AdmissionAudit.IdleExpiryInterval);
        await audit.FlushAsync(default);
        Assert.Equal(2, counting.Applies);

        // Something noted is written at the next flush, however soon.
        await SeeAsync(validator, audit, Deployment("web", "team-a", ("web", $"{Registry}/shop/web:1.0")));
        await audit.FlushAsync(default);
        Assert.Equal(3, counting.Applies);
        Assert.Single(await counting.ListAsync(default));
    }

    private sealed class CountingStore(IAdmissionAuditStore inner) : IAdmissionAuditStore
    {
        public int Applies { get; private set; }

        public Task ApplyAsync(IReadOnlyList<WorkloadSighting> sightings, IReadOnlyList<WorkloadKey> forgotten, DateTimeOffset expireBefore,
            int capacity, CancellationToken cancellationToken)
        {
            Applies++;
            return inner.ApplyAsync(sightings, forgotten, expireBefore, capacity, cancellationToken);
        }

        public Task<IReadOnlyList<WorkloadSighting>> ListAsync(CancellationToken cancellationToken) => inner.ListAsync(cancellationToken);
    }

    [Fact]
    public async Task CapacityZero_RemembersNothing()
    {
        var (validator, audit, report) = Build(auditSettings: new AdmissionAuditSettings(TimeSpan.FromDays(1), 0));
        await SeeAsync(validator, audit, Deployment("web", "team-a", ("web", $"{Registry}/shop/web:1.0")));

        Assert.False(audit.Enabled);
        Assert.Equal(0, (await report.RunAsync(default)).Workloads);
    }

    /// <summary>A clock the test moves.</summary>
    private sealed class ManualClock : TimeProvider
    {
        private DateTimeOffset _now = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }
}
