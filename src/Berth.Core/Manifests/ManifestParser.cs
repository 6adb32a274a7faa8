using System.Text.Json;
using Berth.Core.Errors;

namespace Berth.Core.Manifests;

/// <summary>
/// Parses and validates the shape of a pushed manifest: well-formed JSON, a media type consistent with
/// the request's Content-Type, schema version 2, and well-formed descriptors. Whether referenced content
/// exists is the registry's concern, not this parser's.
/// </summary>
public static class ManifestParser
{
    public static Outcome<ManifestDocument> Parse(ReadOnlySpan<byte> content, string? contentType)
    {
        var declaredType = MediaTypes.Essence(contentType);
        if (MediaTypes.IsSchema1(declaredType)) return Schema1Refused();

        JsonDocument json;
        try
        {
            json = ParseSingleValue(content);
        }
        catch (JsonException e)
        {
            return Invalid($"manifest is not valid JSON: {e.Message}");
        }

        using (json)
        {
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object) return Invalid("manifest must be a JSON object");

            if (!root.TryGetProperty("schemaVersion", out var version) || version.ValueKind != JsonValueKind.Number)
                return Invalid("manifest has no numeric schemaVersion");
            if (version.TryGetInt32(out var schemaVersion) && schemaVersion == 1) return Schema1Refused();
            if (schemaVersion != 2) return Invalid($"unsupported schemaVersion {version.GetRawText()}; only 2 is accepted");

            var bodyType = OptionalString(root, "mediaType");
            if (bodyType is { Length: 0 }) return Invalid("manifest mediaType is empty");
            if (bodyType is not null && MediaTypes.IsSchema1(bodyType)) return Schema1Refused();
            if (bodyType is not null && declaredType.Length > 0 && bodyType != declaredType)
                return Invalid($"manifest mediaType '{bodyType}' does not match Content-Type '{declaredType}'");

            var mediaType = bodyType ?? (declaredType.Length > 0 ? declaredType : Infer(root));
            if (!MediaTypes.IsManifest(mediaType))
                return Invalid($"unsupported manifest media type '{mediaType}'");

            return MediaTypes.IsIndex(mediaType) ? ParseIndex(root, mediaType) : ParseImage(root, mediaType);
        }
    }

    private static Outcome<ManifestDocument> ParseImage(JsonElement root, string mediaType)
    {
        if (root.TryGetProperty("manifests", out _)) return Invalid("an image manifest must not have 'manifests'");
        if (!root.TryGetProperty("config", out var configElement)) return Invalid("image manifest has no config descriptor");
        var config = ParseDescriptor(configElement, "config");
        if (!config.Succeeded) return config.Error!;

        var layers = new List<Descriptor>();
        if (root.TryGetProperty("layers", out var layersElement))
        {
            if (layersElement.ValueKind != JsonValueKind.Array) return Invalid("'layers' must be an array");
            var index = 0;
            foreach (var element in layersElement.EnumerateArray())
            {
                var layer = ParseDescriptor(element, $"layers[{index++}]");
                if (!layer.Succeeded) return layer.Error!;
                layers.Add(layer.Value);
            }
        }
        else if (mediaType == MediaTypes.DockerManifest)
        {
            return Invalid("Docker image manifest has no 'layers'");
        }

        return Finish(root, mediaType, config.Value, layers, []);
    }

    private static Outcome<ManifestDocument> ParseIndex(JsonElement root, string mediaType)
    {
        if (!root.TryGetProperty("manifests", out var manifestsElement) || manifestsElement.ValueKind != JsonValueKind.Array)
            return Invalid("index has no 'manifests' array");
        var manifests = new List<Descriptor>();
        var index = 0;
        foreach (var element in manifestsElement.EnumerateArray())
        {
            var child = ParseDescriptor(element, $"manifests[{index++}]");
            if (!child.Succeeded) return child.Error!;
            manifests.Add(child.Value);
        }
        return Finish(root, mediaType, null, [], manifests);
    }

    private static Outcome<ManifestDocument> Finish(
        JsonElement root, string mediaType, Descriptor? config, List<Descriptor> layers, List<Descriptor> manifests)
    {
        Descriptor? subject = null;
        if (root.TryGetProperty("subject", out var subjectElement))
        {
            var parsed = ParseDescriptor(subjectElement, "subject");
            if (!parsed.Succeeded) return parsed.Error!;
            subject = parsed.Value;
        }
        var artifactType = OptionalString(root, "artifactType");
        var annotations = root.TryGetProperty("annotations", out var a) && a.ValueKind == JsonValueKind.Object ? a.GetRawText() : null;
        return new ManifestDocument(mediaType, config, layers, manifests, subject, artifactType, annotations);
    }

    private static Outcome<Descriptor> ParseDescriptor(JsonElement element, string where)
    {
        if (element.ValueKind != JsonValueKind.Object) return Invalid($"{where} must be a descriptor object");
        var mediaType = OptionalString(element, "mediaType");
        if (string.IsNullOrEmpty(mediaType)) return Invalid($"{where} has no mediaType");
        var digestText = OptionalString(element, "digest");
        if (!Digest.TryParse(digestText, out var digest))
            return Invalid($"{where} has an invalid digest '{digestText}'");
        if (!element.TryGetProperty("size", out var sizeElement) || sizeElement.ValueKind != JsonValueKind.Number
            || !sizeElement.TryGetInt64(out var size) || size < 0)
            return Invalid($"{where} has no valid size");

        Platform? platform = null;
        if (element.TryGetProperty("platform", out var p) && p.ValueKind == JsonValueKind.Object)
        {
            platform = new Platform(OptionalString(p, "os") ?? "", OptionalString(p, "architecture") ?? "", OptionalString(p, "variant"));
        }
        var annotations = element.TryGetProperty("annotations", out var a) && a.ValueKind == JsonValueKind.Object ? a.GetRawText() : null;
        return new Descriptor(mediaType, digest, size, OptionalString(element, "artifactType"), platform, annotations);
    }

    /// <summary>
    /// The document's one JSON value. <see cref="JsonDocument.ParseValue"/> stops after the first value, so
    /// whatever follows it must be checked too: <c>{…} garbage</c> is not JSON.
    /// </summary>
    private static JsonDocument ParseSingleValue(ReadOnlySpan<byte> content)
    {
        var reader = new Utf8JsonReader(content, new JsonReaderOptions { MaxDepth = 64 });
        var json = JsonDocument.ParseValue(ref reader);
        try
        {
            if (reader.Read()) throw new JsonException($"unexpected {reader.TokenType} after the top-level value");
            return json;
        }
        catch
        {
            json.Dispose();
            throw;
        }
    }

    /// <summary>OCI manifests may omit mediaType; tell an index from an image manifest by its fields.</summary>
    private static string Infer(JsonElement root) =>
        root.TryGetProperty("manifests", out _) ? MediaTypes.OciIndex : MediaTypes.OciManifest;

    private static string? OptionalString(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static OciError Invalid(string message) => OciErrorCode.ManifestInvalid.With(message);

    private static OciError Schema1Refused() => OciErrorCode.ManifestInvalid.With(
        "Docker schema 1 manifests are not supported; push the image as Docker schema 2 or OCI");
}
