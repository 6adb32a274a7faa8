using System.Text.Json;
using Berth.Core;

namespace Berth.Policy.Signatures;

/// <summary>
/// The parts of a stored manifest that tell whether it is a signature and what it holds: artifact type (explicit, else
/// the config's media type), config media type, layers with annotations, and manifest annotations.
/// </summary>
public sealed record SignatureManifest(
    Digest Digest,
    string? ArtifactType,
    string? ConfigMediaType,
    IReadOnlyList<SignatureLayer> Layers,
    IReadOnlyDictionary<string, string> Annotations)
{
    /// <summary>The manifest, or null when the bytes are not an image manifest with layers (an index, or not JSON).</summary>
    public static SignatureManifest? Parse(Digest digest, ReadOnlySpan<byte> content)
    {
        try
        {
            using var document = JsonDocument.Parse(content.ToArray());
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("layers", out var layers) || layers.ValueKind != JsonValueKind.Array)
                return null;
            var config = root.TryGetProperty("config", out var c) && c.ValueKind == JsonValueKind.Object ? StringOf(c, "mediaType") : null;
            var parsed = new List<SignatureLayer>();
            foreach (var layer in layers.EnumerateArray())
            {
                if (layer.ValueKind != JsonValueKind.Object || StringOf(layer, "mediaType") is not { } mediaType
                    || !Digest.TryParse(StringOf(layer, "digest"), out var layerDigest)
                    || !layer.TryGetProperty("size", out var size) || !size.TryGetInt64(out var bytes))
                {
                    return null;
                }
                parsed.Add(new SignatureLayer(mediaType, layerDigest, bytes, AnnotationsOf(layer)));
            }
            return new SignatureManifest(digest, StringOf(root, "artifactType") ?? config, config, parsed, AnnotationsOf(root));
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>
    /// True when the manifest is nothing but a signature: a cosign <c>.sig</c> manifest (only simple-signing layers), a
    /// Sigstore bundle or a notation envelope (only those layers, an empty or notation config). Such an object holds no
    /// file system, so letting it be pulled past a policy lets nothing run.
    /// </summary>
    public bool IsSignatureObject =>
        Layers.Count > 0 && (
            Layers.All(l => l.MediaType == SignatureFormats.SimpleSigningLayer)
            || (SignatureFormats.IsSigstoreBundle(ArtifactType) && ConfigMediaType == SignatureFormats.EmptyConfig
                && Layers.All(l => SignatureFormats.IsSigstoreBundle(l.MediaType)))
            || (ArtifactType == SignatureFormats.NotationSignature
                && ConfigMediaType is SignatureFormats.EmptyConfig or SignatureFormats.NotationSignature
                && Layers.All(l => l.MediaType is SignatureFormats.NotationJws or SignatureFormats.NotationCose)));

    private static string? StringOf(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static Dictionary<string, string> AnnotationsOf(JsonElement element)
    {
        var annotations = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!element.TryGetProperty("annotations", out var map) || map.ValueKind != JsonValueKind.Object) return annotations;
        foreach (var property in map.EnumerateObject())
        {
            if (property.Value.ValueKind == JsonValueKind.String) annotations[property.Name] = property.Value.GetString()!;
        }
        return annotations;
    }
}
