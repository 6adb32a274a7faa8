using System.Text.Json;
using Berth.Core;
using Berth.Core.Errors;
using Berth.Metadata;
using Berth.Registry.Http;
using Microsoft.AspNetCore.Http;

namespace Berth.Registry.Endpoints;

/// <summary>
/// <c>/v2/&lt;name&gt;/referrers/&lt;digest&gt;</c>: an OCI index of the manifests whose subject is the digest,
/// optionally filtered by <c>artifactType</c>. An unknown digest has no referrers, not an error.
/// </summary>
public sealed class ReferrersEndpoint(IRegistryMetadata metadata)
{
    public async Task<OciError?> GetAsync(HttpContext context, string repository, string reference)
    {
        if (!Digest.TryParse(reference, out var subject)) return BlobEndpoint.InvalidDigest(reference);
        var artifactType = context.Request.Query["artifactType"].ToString();
        var filter = artifactType.Length > 0 ? artifactType : null;
        var referrers = await metadata.ListReferrersAsync(repository, subject, filter, context.RequestAborted);

        var response = context.Response;
        response.ContentType = MediaTypes.OciIndex;
        if (filter is not null) response.Headers[RegistryHeaders.FiltersApplied] = "artifactType";
        if (HttpMethods.IsHead(context.Request.Method)) return null;

        await using var writer = new Utf8JsonWriter(response.BodyWriter);
        writer.WriteStartObject();
        writer.WriteNumber("schemaVersion", 2);
        writer.WriteString("mediaType", MediaTypes.OciIndex);
        writer.WriteStartArray("manifests");
        foreach (var referrer in referrers)
        {
            writer.WriteStartObject();
            writer.WriteString("mediaType", referrer.MediaType);
            writer.WriteString("digest", referrer.Digest.ToString());
            writer.WriteNumber("size", referrer.Size);
            if (referrer.ArtifactType is not null) writer.WriteString("artifactType", referrer.ArtifactType);
            if (referrer.AnnotationsJson is not null)
            {
                writer.WritePropertyName("annotations");
                writer.WriteRawValue(referrer.AnnotationsJson, skipInputValidation: true);
            }
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
        writer.WriteEndObject();
        await writer.FlushAsync(context.RequestAborted);
        return null;
    }
}
