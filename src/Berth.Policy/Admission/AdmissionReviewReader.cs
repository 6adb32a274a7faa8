using System.Text.Json;

namespace Berth.Policy.Admission;

/// <summary>
/// Reads an AdmissionReview v1 body. Anything that is not one (bad JSON, another kind or version, no request or
/// uid, an object that is not an object) is refused with a message rather than guessed at: the webhook must
/// never allow what it could not read.
/// </summary>
public static class AdmissionReviewReader
{
    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 128 };

    public static AdmissionReviewRead Read(ReadOnlyMemory<byte> body)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, Options);
        }
        catch (JsonException e)
        {
            return AdmissionReviewRead.Malformed($"the body is not valid JSON: {e.Message}");
        }
        var read = Read(document);
        if (read.Review is null) document.Dispose();
        return read;
    }

    private static AdmissionReviewRead Read(JsonDocument document)
    {
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object) return AdmissionReviewRead.Malformed("the body is not a JSON object");
        var apiVersion = String(root, "apiVersion");
        var kind = String(root, "kind");
        if (kind != AdmissionReview.Kind) return AdmissionReviewRead.Malformed($"kind is '{kind}'; expected '{AdmissionReview.Kind}'");
        if (apiVersion != AdmissionReview.ApiVersionV1)
            return AdmissionReviewRead.Malformed($"apiVersion is '{apiVersion}'; expected '{AdmissionReview.ApiVersionV1}' (set admissionReviewVersions: [\"v1\"])");
        if (!root.TryGetProperty("request", out var request) || request.ValueKind != JsonValueKind.Object)
            return AdmissionReviewRead.Malformed("request is missing or not an object");

        var uid = String(request, "uid");
        if (string.IsNullOrEmpty(uid)) return AdmissionReviewRead.Malformed("request.uid is missing or empty");
        var operation = String(request, "operation");
        if (operation is null || !AdmissionOperations.IsKnown(operation))
            return AdmissionReviewRead.Malformed($"request.operation is '{operation}'; expected CREATE, UPDATE, DELETE or CONNECT");
        if (!request.TryGetProperty("kind", out var gvk) || gvk.ValueKind != JsonValueKind.Object || String(gvk, "kind") is not { Length: > 0 } objectKind)
            return AdmissionReviewRead.Malformed("request.kind is missing or names no kind");

        var target = Optional(request, "object", out var objectError);
        if (objectError is not null) return AdmissionReviewRead.Malformed(objectError);
        var old = Optional(request, "oldObject", out var oldError);
        if (oldError is not null) return AdmissionReviewRead.Malformed(oldError);
        if (operation is AdmissionOperations.Create or AdmissionOperations.Update && target is null)
            return AdmissionReviewRead.Malformed($"request.object is missing on {operation}");

        var resource = request.TryGetProperty("resource", out var gvr) && gvr.ValueKind == JsonValueKind.Object ? String(gvr, "resource") : null;
        var parsed = new AdmissionRequest(
            uid,
            String(gvk, "group") ?? "",
            String(gvk, "version") ?? "",
            objectKind,
            resource ?? "",
            String(request, "subResource") ?? "",
            String(request, "namespace") ?? "",
            String(request, "name") ?? "",
            operation,
            target,
            old,
            request.TryGetProperty("dryRun", out var dryRun) && dryRun.ValueKind == JsonValueKind.True);
        return new AdmissionReviewRead(new AdmissionReview(document, apiVersion, parsed), null);
    }

    /// <summary>The property when it is an object; null when absent or JSON null; an error for anything else.</summary>
    private static JsonElement? Optional(JsonElement request, string name, out string? error)
    {
        error = null;
        if (!request.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null) return null;
        if (value.ValueKind == JsonValueKind.Object) return value;
        error = $"request.{name} is a JSON {value.ValueKind.ToString().ToLowerInvariant()}, not an object";
        return null;
    }

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
