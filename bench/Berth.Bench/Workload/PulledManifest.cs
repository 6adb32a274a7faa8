using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Berth.Bench.Workload;

/// <summary>What a puller needs from a fetched image manifest: the config and the layers to fetch next.</summary>
public sealed record PulledManifest(BlobDescriptor Config, IReadOnlyList<BlobDescriptor> Layers)
{
    // The digests go into request paths: accept only the OCI digest grammar.
    private static readonly Regex DigestPattern = new(
        "^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-zA-Z0-9=_-]+$",
        RegexOptions.CultureInvariant,
        TimeSpan.FromSeconds(1));

    public static bool TryParse(
        ReadOnlySpan<byte> body,
        [NotNullWhen(true)] out PulledManifest? manifest,
        [NotNullWhen(false)] out string? error)
    {
        manifest = null;
        try
        {
            var reader = new Utf8JsonReader(body);
            using var document = JsonDocument.ParseValue(ref reader);
            var root = document.RootElement;
            if (!root.TryGetProperty("config", out var config) || !TryDescriptor(config, out var configDescriptor))
            {
                error = "manifest has no valid config descriptor";
                return false;
            }

            if (!root.TryGetProperty("layers", out var layers) || layers.ValueKind != JsonValueKind.Array)
            {
                error = "manifest has no layers array";
                return false;
            }

            var layerDescriptors = new List<BlobDescriptor>();
            foreach (var layer in layers.EnumerateArray())
            {
                if (!TryDescriptor(layer, out var descriptor))
                {
                    error = "manifest has a layer without digest and size";
                    return false;
                }

                layerDescriptors.Add(descriptor);
            }

            manifest = new PulledManifest(configDescriptor, layerDescriptors);
            error = null;
            return true;
        }
        catch (JsonException e)
        {
            error = $"manifest is not valid JSON: {e.Message}";
            return false;
        }
    }

    private static bool TryDescriptor(JsonElement element, [NotNullWhen(true)] out BlobDescriptor? descriptor)
    {
        descriptor = null;
        if (element.ValueKind != JsonValueKind.Object
            || !element.TryGetProperty("digest", out var digest) || digest.ValueKind != JsonValueKind.String
            || !DigestPattern.IsMatch(digest.GetString()!)
            || !element.TryGetProperty("size", out var size) || size.ValueKind != JsonValueKind.Number
            || !size.TryGetInt64(out var length) || length < 0)
        {
            return false;
        }

        descriptor = new BlobDescriptor(digest.GetString()!, length);
        return true;
    }
}
