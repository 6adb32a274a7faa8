using System.Text.Json;
using Berth.Core;
using Berth.Metadata;

namespace Berth.Policy.Admission;

/// <summary>
/// The mutating webhook's answer for one AdmissionReview body: images of Berth that a <see cref="DigestPinning"/>
/// rule names and that carry a tag but no digest are rewritten to <c>host/repo:tag@sha256:…</c> (the tag kept, as
/// sigstore's policy-controller does), resolved in Berth's own metadata, so the digest the validating webhook
/// judges is the one the nodes pull. It never denies: policy is the validating webhook's job, and an image it
/// cannot resolve in time (or at all) is left as written, with a warning.
/// </summary>
public sealed class AdmissionMutator(DigestPinning pinning, IRegistryMetadata registry, AdmissionSettings settings)
{
    public const string Name = "berth-digest-pinning";

    private readonly BerthImages _images = new(registry, settings);

    public async Task<AdmissionOutcome> MutateAsync(ReadOnlyMemory<byte> body, string? timeoutQuery, CancellationToken cancellationToken)
    {
        var read = AdmissionReviewReader.Read(body);
        if (read.Review is not { } review) return AdmissionOutcome.Malformed(read.Error!);
        using (review)
        {
            var request = review.Request;
            if (request.Operation is not (AdmissionOperations.Create or AdmissionOperations.Update)
                || PodSpecPath.For(request.Kind) is not { } specPath
                || PodTemplate.Find(request.Kind, request.Object!.Value) is not { } template)
                return Answer(review, AdmissionResponse.Allow(request.Uid));
            var containers = PodImages.Read(template.Spec, out var error);
            if (error is not null) return AdmissionOutcome.Malformed($"request.object: {error}");
            // On UPDATE only images new in this request: pinning an image that was already running would change
            // a workload's template on every scale or relabel and roll its pods for nothing.
            containers = PodImages.NewIn(request, containers);

            var @namespace = request.ObjectNamespace;
            var candidates = new List<(ContainerImage Container, ImageReference Image)>();
            foreach (var container in containers)
            {
                if (_images.TryRead(container.Image, out var image) && image.Digest is null && pinning.Pins(@namespace, image))
                    candidates.Add((container, image));
            }
            if (candidates.Count == 0) return Answer(review, AdmissionResponse.Allow(request.Uid));

            var timeout = AdmissionDeadline.Timeout(timeoutQuery, settings.DefaultTimeout);
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            limit.CancelAfter(AdmissionDeadline.For(timeout));
            var lookups = candidates.Select(c => c.Image).Distinct().ToDictionary(image => image, image => ResolveAsync(image, limit.Token));
            try
            {
                await Task.WhenAll(lookups.Values);
            }
            catch (Exception) when (!cancellationToken.IsCancellationRequested)
            {
                // Each failed lookup is reported below; the rest still get pinned.
            }

            var patch = new List<(string Path, string Value)>();
            var warnings = new List<string>();
            foreach (var (container, image) in candidates)
            {
                var lookup = lookups[image];
                if (!lookup.IsCompletedSuccessfully)
                {
                    var why = lookup.IsCanceled ? "Berth could not resolve it in time" : $"resolving it failed: {lookup.Exception?.InnerException?.GetType().Name}";
                    warnings.Add($"[{Name}] {container.Label} \"{container.Name}\": {image} was not pinned ({why})");
                    continue;
                }
                if (lookup.Result is not { } digest) continue;
                var path = specPath.Append(PodSpecPath.ListField(container.Kind)).Append(container.Index.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append("image");
                patch.Add((JsonPointer.Of(path), $"{container.Image}@{digest}"));
            }
            var response = AdmissionResponse.Allow(request.Uid, warnings);
            if (patch.Count > 0) response = response with { Patch = Write(patch) };
            return Answer(review, response);
        }
    }

    /// <summary>The digest the tag names now, or null when Berth has no such tag (left for the validating webhook to refuse).</summary>
    private async Task<Digest?> ResolveAsync(ImageReference image, CancellationToken cancellationToken)
    {
        await Task.Yield();
        return (await _images.FindAsync(image, cancellationToken))?.Digest;
    }

    /// <summary>RFC 6902: one <c>replace</c> per pinned image.</summary>
    private static byte[] Write(List<(string Path, string Value)> operations)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartArray();
            foreach (var (path, value) in operations)
            {
                json.WriteStartObject();
                json.WriteString("op", "replace");
                json.WriteString("path", path);
                json.WriteString("value", value);
                json.WriteEndObject();
            }
            json.WriteEndArray();
        }
        return buffer.ToArray();
    }

    private static AdmissionOutcome Answer(AdmissionReview review, AdmissionResponse response) =>
        new(AdmissionReviewWriter.Write(review.ApiVersion, response), null, review.Request, response, [], null);
}
