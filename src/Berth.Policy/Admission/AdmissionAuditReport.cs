using System.Text.Json;
using Berth.Metadata.Admission;

namespace Berth.Policy.Admission;

/// <summary>
/// Re-evaluates every remembered workload now, against the current constraints and registry policy: what is
/// running that the webhook would refuse, warn about or record in dry run today (a CVE published since, an
/// allowlist entry expired, a signature removed, a constraint tightened). The allowed-registry constraints see
/// the images as written; the registry policy judges the digest each one was resolved to when seen, which is what
/// the nodes run, not where its tag points now.
/// </summary>
public sealed class AdmissionAuditReport(AdmissionAudit audit, IAdmissionAuditStore store, AllowedRegistries rules, RegistryAdmission registry, TimeProvider time)
{
    public async Task<AdmissionAuditResult> RunAsync(CancellationToken cancellationToken)
    {
        await audit.FlushAsync(cancellationToken);
        var workloads = await store.ListAsync(cancellationToken);
        var violations = new List<AdmissionAuditViolation>();
        foreach (var workload in workloads)
        {
            var target = new AdmissionTarget(workload.Group, workload.Key.Kind, workload.Key.Namespace, workload.Key.Name,
                Labels(workload.ObjectLabelsJson), Labels(workload.PodLabelsJson));
            var written = workload.Images.Select(i => new ContainerImage(Kind(i.List), i.Container, i.Image, i.Position)).ToList();
            var running = workload.Images.Select(i => new ContainerImage(Kind(i.List), i.Container, Pinned(i), i.Position)).ToList();
            var findings = new AdmissionFindings();
            rules.Evaluate(target, written, findings);
            await registry.EvaluateAsync(running, findings, cancellationToken);
            void Add(EnforcementAction action, IEnumerable<string> messages) => violations.AddRange(messages.Select(m =>
                new AdmissionAuditViolation(action, workload.Group, workload.Key.Kind, workload.Key.Namespace, workload.Key.Name, m, workload.SeenAt)));
            Add(EnforcementAction.Deny, findings.Denials);
            Add(EnforcementAction.Warn, findings.Warnings);
            Add(EnforcementAction.DryRun, findings.DryRun);
        }
        return new AdmissionAuditResult(time.GetUtcNow(), workloads.Count, violations);
    }

    /// <summary><c>repo:tag@digest</c> when the image was resolved from a tag; as written otherwise.</summary>
    private static string Pinned(WorkloadImage image) =>
        image.Digest is { } digest && !image.Image.Contains('@') ? $"{image.Image}@{digest}" : image.Image;

    private static ContainerKind Kind(string list) => list switch
    {
        "initContainer" => ContainerKind.InitContainer,
        "ephemeralContainer" => ContainerKind.EphemeralContainer,
        _ => ContainerKind.Container,
    };

    private static Dictionary<string, string> Labels(string json) =>
        JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? [];
}
