using System.Text.Json;

namespace Berth.Scanning.Images;

/// <summary>
/// The parts of an image config (OCI image spec "config", Docker's container config) a scan needs:
/// the platform and <c>rootfs.diff_ids</c>, one per layer in order.
/// </summary>
public sealed record ImageConfig(string? Os, string? Architecture, IReadOnlyList<string> DiffIds)
{
    /// <summary>Configs are small; anything larger is not one.</summary>
    public const int MaxBytes = 8 * 1024 * 1024;

    public static ImageConfig? Parse(ReadOnlySpan<byte> json, out string? error)
    {
        try
        {
            using var document = JsonDocument.Parse(json.ToArray());
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object) return Fail("the image config is not a JSON object", out error);
            if (!root.TryGetProperty("rootfs", out var rootfs) || rootfs.ValueKind != JsonValueKind.Object
                || !rootfs.TryGetProperty("diff_ids", out var diffIds) || diffIds.ValueKind != JsonValueKind.Array)
                return Fail("the image config has no rootfs.diff_ids", out error);

            var ids = new List<string>();
            foreach (var id in diffIds.EnumerateArray())
            {
                if (id.ValueKind != JsonValueKind.String || id.GetString() is not { } text || !Berth.Core.Digest.TryParse(text, out _))
                    return Fail($"rootfs.diff_ids holds {id.GetRawText()}, which is not a digest", out error);
                ids.Add(text);
            }

            error = null;
            return new ImageConfig(Text(root, "os"), Text(root, "architecture"), ids);
        }
        catch (JsonException exception)
        {
            return Fail($"the image config is not valid JSON: {exception.Message}", out error);
        }
    }

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static ImageConfig? Fail(string message, out string? error)
    {
        error = message;
        return null;
    }
}
