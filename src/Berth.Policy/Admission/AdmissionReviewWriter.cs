using System.Text.Encodings.Web;
using System.Text.Json;

namespace Berth.Policy.Admission;

/// <summary>
/// Writes the answering AdmissionReview: the request's <c>apiVersion</c>, <c>kind</c> and <c>uid</c> echoed (the
/// API server rejects anything else), a 403 Forbidden status when refused, a mutating webhook's patch, and warnings.
/// </summary>
public static class AdmissionReviewWriter
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static byte[] Write(string apiVersion, AdmissionResponse response)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            json.WriteStartObject();
            json.WriteString("apiVersion", apiVersion);
            json.WriteString("kind", AdmissionReview.Kind);
            json.WriteStartObject("response");
            json.WriteString("uid", response.Uid);
            json.WriteBoolean("allowed", response.Allowed);
            if (!response.Allowed)
            {
                json.WriteStartObject("status");
                json.WriteNumber("code", 403);
                json.WriteString("reason", "Forbidden");
                json.WriteString("status", "Failure");
                json.WriteString("message", response.Message ?? "");
                json.WriteEndObject();
            }
            if (response.Patch is { } patch)
            {
                json.WriteString("patchType", "JSONPatch");
                json.WriteBase64String("patch", patch);
            }
            if (response.Warnings.Count > 0)
            {
                json.WriteStartArray("warnings");
                foreach (var warning in response.Warnings) json.WriteStringValue(warning);
                json.WriteEndArray();
            }
            json.WriteEndObject();
            json.WriteEndObject();
        }
        return buffer.ToArray();
    }
}
