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

    private readonly BerthImages _images = new(registry, settings);

    /// <summary>Deny messages for every container whose image is in Berth and fails its project's policy.</summary>
    public async Task EvaluateAsync(IReadOnlyList<ContainerImage> containers, AdmissionFindings findings, CancellationToken cancellationToken)
    {
        // Resolve each distinct image once, side by side; then judge each distinct artifact once (a tag and its
        // digest are the same artifact).
        var resolutions = new Dictionary<string, Task<Resolution>>(StringComparer.Ordinal);
        var judged = new List<(ContainerImage Container, string Key)>();
        foreach (var container in containers)
        {
            if (!_images.TryRead(container.Image, out var image)) continue;
            var key = image.ToString();
            if (!resolutions.ContainsKey(key)) resolutions[key] = ResolveAsync(image, cancellationToken);
            judged.Add((container, key));
        }
        if (judged.Count == 0) return;
        await Task.WhenAll(resolutions.Values);

        var verdicts = new Dictionary<(string, Digest), Task<PolicyVerdict>>();
        foreach (var resolution in resolutions.Values)
        {
            if (resolution.Result.Subject is { } subject && !verdicts.ContainsKey((subject.Repository, subject.Digest)))
                verdicts[(subject.Repository, subject.Digest)] = JudgeAsync(subject, cancellationToken);
        }
        await Task.WhenAll(verdicts.Values);

        foreach (var (container, key) in judged)
        {
            var resolution = await resolutions[key];
            var prefix = $"[denied by {Name}] {container.Label} \"{container.Name}\" image \"{container.Image}\"";
            if (resolution.Subject is not { } subject)
            {
                findings.Denials.Add($"{prefix} {resolution.Missing}");
                continue;
            }
            var verdict = await verdicts[(subject.Repository, subject.Digest)];
            foreach (var violation in verdict.Violations) findings.Denials.Add($"{prefix} ({subject.Digest}): {violation.Message}");
        }
    }

    private async Task<Resolution> ResolveAsync(ImageReference image, CancellationToken cancellationToken)
    {
        // Leave the caller's thread at once so several images are looked up side by side.
        await Task.Yield();
        var repository = image.Path;
        if (image.Digest is not null && !Digest.TryParse(image.Digest, out _))
            return new Resolution(null, $"does not exist in Berth: Berth stores no {image.Digest.Split(':')[0]} digests");
        var manifest = await _images.FindAsync(image, cancellationToken);
        if (manifest is null)
        {
            var what = image.Digest is not null ? $"no artifact {image.Digest}" : $"no tag \"{image.Tag}\"";
            return new Resolution(null, $"does not exist in Berth: repository \"{repository}\" has {what}");
        }
        return new Resolution(new ArtifactSubject(repository, manifest.Digest, manifest.MediaType), null);
    }

    private async Task<PolicyVerdict> JudgeAsync(ArtifactSubject subject, CancellationToken cancellationToken)
    {
        await Task.Yield();
        var current = revision.Current;
        if (cache.Find(subject.Repository, subject.Digest, current) is { } cached) return cached;
        var verdict = await policy.EvaluateAsync(subject, cancellationToken);
        cache.Store(subject.Repository, subject.Digest, current, verdict);
        return verdict;
    }

    private sealed record Resolution(ArtifactSubject? Subject, string? Missing);
}
