using System.Text.Json;

namespace Berth.Policy.Admission;

/// <summary>A parsed AdmissionReview: its <c>apiVersion</c> to echo and its request, over the JSON it was read from.</summary>
public sealed class AdmissionReview(JsonDocument document, string apiVersion, AdmissionRequest request) : IDisposable
{
    public const string Kind = "AdmissionReview";
    public const string ApiVersionV1 = "admission.k8s.io/v1";

    public string ApiVersion { get; } = apiVersion;

    public AdmissionRequest Request { get; } = request;

    public void Dispose() => document.Dispose();
}
