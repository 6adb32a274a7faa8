using System.Text.Json;
using Berth.Metadata.Access;
using Berth.Policy.Admission;

namespace Berth.Policy.Tests.Admission;

/// <summary>
/// A validator over a real migrated SQLite database, with constraints written to YAML files and loaded as
/// <c>berth serve</c> loads them, and a deployment policy whose one check the test controls.
/// </summary>
internal sealed class AdmissionHarness : IAsyncDisposable
{
    public const string Registry = "berth.example.com:8443";

    private AdmissionHarness(PolicyDatabase database, ControlledCheck check, AdmissionValidator validator, PolicyRevision revision, AdmissionVerdictCache cache)
    {
        Database = database;
        Check = check;
        Validator = validator;
        Revision = revision;
        Cache = cache;
    }

    public PolicyDatabase Database { get; }
    public ControlledCheck Check { get; }
    public AdmissionValidator Validator { get; }
    public PolicyRevision Revision { get; }
    public AdmissionVerdictCache Cache { get; }

    /// <summary>With <paramref name="constraintsYaml"/> null, the default rule (Berth's own address only) applies.</summary>
    public static async Task<AdmissionHarness> CreateAsync(string? constraintsYaml, TimeProvider? time = null, TimeSpan? defaultTimeout = null)
    {
        var database = await PolicyDatabase.CreateAsync();
        IReadOnlyList<AllowedReposConstraint> constraints = [AllowedReposConstraint.Default(Registry)];
        if (constraintsYaml is not null)
        {
            var file = Path.Combine(database.Directory, "constraints.yaml");
            await File.WriteAllTextAsync(file, constraintsYaml);
            constraints = ConstraintFiles.Load([file], out var error) ?? throw new InvalidOperationException(error);
        }
        var settings = new AdmissionSettings(Registry, defaultTimeout ?? AdmissionSettings.StandardTimeout, 100);
        var check = new ControlledCheck();
        var revision = new PolicyRevision();
        var cache = new AdmissionVerdictCache(time ?? TimeProvider.System, settings.CacheCapacity);
        var policy = new DeploymentPolicy(database.Projects, [check], []);
        var registry = new RegistryAdmission(database.Metadata, policy, revision, cache, settings);
        return new AdmissionHarness(database, check, new AdmissionValidator(new AllowedRegistries(constraints), registry, settings), revision, cache);
    }

    public static string Constraint(string name, string repos, string action = "deny", string match = "") => $$"""
        apiVersion: constraints.gatekeeper.sh/v1beta1
        kind: K8sAllowedRepos
        metadata:
          name: {{name}}
        spec:
          enforcementAction: {{action}}
        {{match}}
          parameters:
            repos: {{repos}}
        """;

    public async Task<AdmissionOutcome> ValidateAsync(byte[] review, string? timeout = null) =>
        await Validator.ValidateAsync(review, timeout, default);

    /// <summary>The response of a well-formed review.</summary>
    public async Task<JsonElement> RespondAsync(byte[] review, string? timeout = null)
    {
        var outcome = await ValidateAsync(review, timeout);
        Assert.False(outcome.IsMalformed, outcome.Error);
        return AdmissionReviews.Response(outcome.Review!);
    }

    public static string Message(JsonElement response)
    {
        Assert.False(response.GetProperty("allowed").GetBoolean());
        var status = response.GetProperty("status");
        Assert.Equal(403, status.GetProperty("code").GetInt32());
        Assert.Equal("Forbidden", status.GetProperty("reason").GetString());
        return status.GetProperty("message").GetString()!;
    }

    public ValueTask DisposeAsync() => Database.DisposeAsync();

    /// <summary>A policy check that reports what the test sets, counts its calls, and can throw or hang.</summary>
    internal sealed class ControlledCheck : IPolicyCheck
    {
        public int Order => 1;
        public PolicyViolation? Violation { get; set; }
        public DateTimeOffset? ValidUntil { get; set; }
        public Exception? Throw { get; set; }
        public bool Hang { get; set; }
        public int Calls;

        public async ValueTask<PolicyCheckResult> CheckAsync(ProjectRecord project, ArtifactSubject subject, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref Calls);
            if (Throw is not null) throw Throw;
            if (Hang) await Task.Delay(Timeout.Infinite, cancellationToken);
            return new PolicyCheckResult(Violation, ValidUntil);
        }
    }
}
