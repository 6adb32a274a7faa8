using System.Text.Json;
using Berth.Scanning.Images.Remote;
using Berth.Scanning.Reports.Formats;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Berth.Api.ScannerAdapter;

/// <summary>
/// Reads and checks a <c>POST /api/v1/scan</c> body as the spec sorts failures: 400 for a body that is not JSON of
/// the right shape, 422 for a field that is missing or wrong, 501 for a request no capability of Berth's serves.
/// </summary>
public static class ScanRequestReader
{
    /// <summary>A ScanRequest is a few hundred bytes; a megabyte is not one.</summary>
    private const long MaxBodyBytes = 1024 * 1024;

    private static readonly JsonSerializerOptions Json = new() { AllowTrailingCommas = false };

    public static async Task<(ScanRequestJson? Request, AdapterError? Error)> ReadAsync(HttpContext context)
    {
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit) limit.MaxRequestBodySize = MaxBodyBytes;
        if (context.Request.ContentLength > MaxBodyBytes) return (null, AdapterError.BadRequest($"the scan request is larger than {MaxBodyBytes} bytes"));
        try
        {
            var request = await JsonSerializer.DeserializeAsync<ScanRequestJson>(context.Request.Body, Json, context.RequestAborted);
            return request is null ? (null, AdapterError.BadRequest("the request body is empty")) : (request, null);
        }
        catch (JsonException e)
        {
            return (null, AdapterError.BadRequest($"the request body is not a valid ScanRequest: {e.Message}"));
        }
        catch (BadHttpRequestException e)
        {
            return (null, AdapterError.BadRequest(e.Message));
        }
    }

    /// <summary>What to pull and how the report names it, or the 422/501 error.</summary>
    public static (RemoteImageReference? Image, HarborReportContext? Artifact, AdapterError? Error) Check(ScanRequestJson request)
    {
        if (request.Registry is null) return Invalid("registry is required");
        if (request.Artifact is null) return Invalid("artifact is required");
        var artifact = request.Artifact;
        var image = RemoteImageReference.TryCreate(request.Registry.Url, artifact.Repository, artifact.Digest, request.Registry.Authorization, out var error);
        if (image is null) return Invalid(error);
        if (artifact.Tag is { Length: > 128 }) return Invalid("artifact.tag is longer than 128 characters");

        var mimeType = string.IsNullOrEmpty(artifact.MimeType) ? AdapterMediaTypes.OciManifest : artifact.MimeType;
        if (!AdapterMediaTypes.Consumed.Any(known => AdapterMediaTypes.Matches(mimeType, known)))
            return Unsupported($"artifact.mime_type '{mimeType}' is not one Berth scans ({string.Join(", ", AdapterMediaTypes.Consumed)})");

        if (request.EnabledCapabilities is { } capabilities)
        {
            foreach (var capability in capabilities)
                if (capability?.Type is not ("vulnerability" or "sbom")) return Invalid($"enabled_capabilities type '{capability?.Type}' is neither vulnerability nor sbom");
            // No list means every capability; a list must include one Berth has, with a report type Berth writes.
            var vulnerability = capabilities.FirstOrDefault(c => c.Type == "vulnerability");
            if (vulnerability is null) return Unsupported("Berth's adapter has only the vulnerability capability; SBOM generation is not offered");
            if (vulnerability.ProducesMimeTypes is { Count: > 0 } wanted
                && !wanted.Any(type => AdapterMediaTypes.ProducedReports.Any(known => AdapterMediaTypes.Matches(type, known))))
                return Unsupported($"none of the report types {string.Join(", ", wanted)} is one Berth writes");
        }
        return (image, new HarborReportContext(image.Repository, artifact.Tag, mimeType, image.Digest.ToString()), null);
    }

    private static (RemoteImageReference?, HarborReportContext?, AdapterError?) Invalid(string message) => (null, null, AdapterError.Unprocessable(message));

    private static (RemoteImageReference?, HarborReportContext?, AdapterError?) Unsupported(string message) => (null, null, AdapterError.NotImplemented(message));
}
