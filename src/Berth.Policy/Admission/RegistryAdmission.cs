using Berth.Core;
using Berth.Metadata;

namespace Berth.Policy.Admission;

/// <summary>
/// The registry policy at admission: an image on Berth's own address is resolved (tag to digest) in Berth's
/// database and judged by the project's deployment policy, so a pod is refused for the same reasons its pull
/// would be, now instead of as ErrImagePull on a node. Tags are resolved on every review (they move); verdicts
/// are cached per digest and policy revision.
/// </summary>
public sealed class RegistryAdmission(IRegistryMetadata registry, IArtifactPolicy policy, PolicyRevision revision, AdmissionVerdictCache cache, AdmissionSettings settings)
{
    public const string Name = "berth-registry-policy";

    private readonly string? _address = settings.RegistryAddress?.ToLowerInvariant();

    /// <summary>True when the image is on Berth's own address (the only images whose policy Berth knows).</summary>
    public bool IsBerthImage(ImageReference image) => _address is not null && image.Domain == _address;

    /// <summary>Deny messages for every container whose image is in Berth and fails its project's policy.</summary>
    public async Task EvaluateAsync(IReadOnlyList<ContainerImage> containers, AdmissionFindings findings, CancellationToken cancellationToken)
    {
        var berthImages = new Dictionary<string, Task<ImageJudgement>>(StringComparer.Ordinal);
        var judged = new List<(ContainerImage Container, Task<ImageJudgement> Judgement)>();
        foreach (var container in containers)
        {
            if (!ImageReference.TryParse(container.Image, out var image, out _) || !IsBerthImage(image)) continue;
            var key = image.ToString();
            if (!berthImages.TryGetValue(key, out var judgement)) berthImages[key] = judgement = JudgeAsync(image, cancellationToken);
            judged.Add((container, judgement));
        }
        if (judged.Count == 0) return;
        await Task.WhenAll(berthImages.Values);
        foreach (var (container, task) in judged)
        {
            var judgement = await task;
            var prefix = $"[denied by {Name}] {container.Label} \"{container.Name}\" image \"{container.Image}\"";
            if (judgement.Missing is { } missing) findings.Denials.Add($"{prefix} {missing}");
            foreach (var violation in judgement.Violations) findings.Denials.Add($"{prefix} ({judgement.Digest}): {violation.Message}");
        }
    }

    private async Task<ImageJudgement> JudgeAsync(ImageReference image, CancellationToken cancellationToken)
    {
        // Leave the caller's thread at once so several images are looked up side by side.
        await Task.Yield();
        var repository = image.Path;
        var reference = image.Digest ?? image.Tag!;
        if (image.Digest is not null && !Digest.TryParse(image.Digest, out _))
            return ImageJudgement.NotFound($"does not exist in Berth: Berth stores no {image.Digest.Split(':')[0]} digests");
        var manifest = await registry.FindManifestAsync(repository, reference, cancellationToken);
        if (manifest is null)
        {
            var what = image.Digest is not null ? $"no artifact {image.Digest}" : $"no tag \"{image.Tag}\"";
            return ImageJudgement.NotFound($"does not exist in Berth: repository \"{repository}\" has {what}");
        }
        // With tag and digest the runtime pulls the digest; a tag that has moved elsewhere does not matter.
        var current = revision.Current;
        var verdict = cache.Find(repository, manifest.Digest, current);
        if (verdict is null)
        {
            verdict = await policy.EvaluateAsync(new ArtifactSubject(repository, manifest.Digest, manifest.MediaType), cancellationToken);
            cache.Store(repository, manifest.Digest, current, verdict);
        }
        return new ImageJudgement(manifest.Digest, null, verdict.Violations);
    }

    private sealed record ImageJudgement(Digest Digest, string? Missing, IReadOnlyList<PolicyViolation> Violations)
    {
        public static ImageJudgement NotFound(string message) => new(default, message, []);
    }
}
