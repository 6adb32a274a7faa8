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

    /// <summary>What to pull, how the reports name it and which capabilities it enabled, or the 422/501 error.</summary>
    public static (AcceptedScanRequest? Accepted, AdapterError? Error) Check(ScanRequestJson request)
    {
        if (request.Registry is null) return Invalid("registry is required");
        if (request.Artifact is null) return Invalid("artifact is required");
        var artifact = request.Artifact;
        var image = RemoteImageReference.TryCreate(request.Registry.Url, artifact.Repository, artifact.Digest, request.Registry.Authorization, out var error);
        if (image is null) return Invalid(error);
        if (artifact.Tag is { Length: > 128 }) return Invalid("artifact.tag is longer than 128 characters");

        var mimeType = string.IsNullOrEmpty(artifact.MimeType) ? AdapterMediaTypes.OciManifest : artifact.MimeType;
        if (!AdapterMediaTypes.Consumed.Any(known => AdapterMediaTypes.Matches(mimeType, known)))
            return (null, AdapterError.NotImplemented($"artifact.mime_type '{mimeType}' is not one Berth scans ({string.Join(", ", AdapterMediaTypes.Consumed)})"));

        var (capabilities, refused) = EnabledCapabilitiesReader.Check(request.EnabledCapabilities);
        if (capabilities is null) return (null, refused);
        return (new AcceptedScanRequest(image, new HarborReportContext(image.Repository, artifact.Tag, mimeType, image.Digest.ToString()), capabilities), null);
    }

    private static (AcceptedScanRequest?, AdapterError?) Invalid(string message) => (null, AdapterError.Unprocessable(message));
}
