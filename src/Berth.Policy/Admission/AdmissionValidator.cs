using Berth.Core;

namespace Berth.Policy.Admission;

/// <summary>
/// The validating webhook's decision for one AdmissionReview body: read the review, find the pod spec of any
/// pod-creating kind, take the containers new in this request, apply the allowed-registry constraints and the
/// registry policy, and answer. It fails closed: a failure or a missed deadline becomes a denial that says so,
/// never an allow.
/// </summary>
public sealed class AdmissionValidator(AllowedRegistries rules, RegistryAdmission registry, AdmissionSettings settings)
{
    public async Task<AdmissionOutcome> ValidateAsync(ReadOnlyMemory<byte> body, string? timeoutQuery, CancellationToken cancellationToken)
    {
        var read = AdmissionReviewReader.Read(body);
        if (read.Review is not { } review) return AdmissionOutcome.Malformed(read.Error!);
        using (review)
        {
            var request = review.Request;
            if (request.Operation == AdmissionOperations.Delete && !request.DryRun && PodSpecPath.For(request.Kind) is not null && request.Name.Length > 0)
                return Answer(review, AdmissionResponse.Allow(request.Uid)) with { Gone = new(request.Namespace, request.Kind, request.Name) };
            if (request.Operation is not (AdmissionOperations.Create or AdmissionOperations.Update)) return Answer(review, AdmissionResponse.Allow(request.Uid));
            var template = PodTemplate.Find(request.Kind, request.Object!.Value);
            if (template is null) return Answer(review, AdmissionResponse.Allow(request.Uid));
            var containers = PodImages.Read(template.Spec, out var error);
            if (error is not null) return AdmissionOutcome.Malformed($"request.object: {error}");
            var target = new AdmissionTarget(
                request.Group, request.Kind, request.ObjectNamespace, request.Name.Length > 0 ? request.Name : Name(request),
                PodTemplate.LabelsOf(request.Object), template.Labels);
            // Only a workload with a known name can be forgotten on its DELETE; pods named by generateName are
            // remembered through the workload whose template made them. A dry run changes nothing, so nothing is remembered.
            var seen = !request.DryRun && (request.Name.Length > 0 || request.ObjectMetadata("name").Length > 0) ? new AdmissionSighting(target, containers) : null;
            containers = PodImages.NewIn(request, containers);
            if (containers.Count == 0) return Answer(review, AdmissionResponse.Allow(request.Uid)) with { Seen = seen };

            var timeout = AdmissionDeadline.Timeout(timeoutQuery, settings.DefaultTimeout);
            var deadline = AdmissionDeadline.For(timeout);
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            limit.CancelAfter(deadline);
            var findings = new AdmissionFindings();
            try
            {
                rules.Evaluate(target, containers, findings);
                await registry.EvaluateAsync(containers, findings, limit.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                var message = $"[denied by {RegistryAdmission.Name}] Berth could not decide within {deadline.TotalSeconds:0.###}s " +
                    $"({AdmissionDeadline.Share * 100:0}% of the request's {timeout.TotalSeconds:0.###}s timeout); denied to fail closed";
                return Answer(review, AdmissionResponse.Deny(request.Uid, message), findings.DryRun);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                var message = $"[denied by {RegistryAdmission.Name}] Berth could not decide ({e.GetType().Name}: {e.Message}); denied to fail closed";
                return Answer(review, AdmissionResponse.Deny(request.Uid, message), findings.DryRun, e);
            }
            if (findings.Denials.Count > 0)
                return Answer(review, AdmissionResponse.Deny(request.Uid, string.Join('\n', findings.Denials), findings.Warnings), findings.DryRun);
            return Answer(review, AdmissionResponse.Allow(request.Uid, findings.Warnings), findings.DryRun) with { Seen = seen };
        }
    }

    private static string Name(AdmissionRequest request)
    {
        var name = request.ObjectMetadata("name");
        return name.Length > 0 ? name : request.ObjectMetadata("generateName");
    }

    private static AdmissionOutcome Answer(AdmissionReview review, AdmissionResponse response, IReadOnlyList<string>? dryRun = null, Exception? failure = null) =>
        new(AdmissionReviewWriter.Write(review.ApiVersion, response), null, review.Request, response, dryRun ?? [], failure);
}
