using System.Text.Json;

namespace Berth.Policy.Admission;

/// <summary>The containers, initContainers and ephemeralContainers of a pod spec with their images.</summary>
public static class PodImages
{
    private static readonly (string Field, ContainerKind Kind)[] Lists =
    [
        ("containers", ContainerKind.Container),
        ("initContainers", ContainerKind.InitContainer),
        ("ephemeralContainers", ContainerKind.EphemeralContainer),
    ];

    /// <summary>
    /// Every container that names an image (a template may leave it out for tools to fill in); an error when a
    /// list or an image has the wrong JSON type, which the API server would never send.
    /// </summary>
    public static IReadOnlyList<ContainerImage> Read(JsonElement spec, out string? error)
    {
        error = null;
        var images = new List<ContainerImage>();
        foreach (var (field, kind) in Lists)
        {
            if (!spec.TryGetProperty(field, out var list) || list.ValueKind == JsonValueKind.Null) continue;
            if (list.ValueKind != JsonValueKind.Array)
            {
                error = $"the pod spec's {field} is not an array";
                return [];
            }
            var index = 0;
            foreach (var container in list.EnumerateArray())
            {
                if (container.ValueKind != JsonValueKind.Object)
                {
                    error = $"the pod spec's {field}[{index}] is not an object";
                    return [];
                }
                var name = container.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString()! : "";
                if (container.TryGetProperty("image", out var image) && image.ValueKind != JsonValueKind.Null)
                {
                    if (image.ValueKind != JsonValueKind.String)
                    {
                        error = $"the pod spec's {field}[{index}].image is not a string";
                        return [];
                    }
                    images.Add(new ContainerImage(kind, name, image.GetString()!, index));
                }
                index++;
            }
        }
        return images;
    }

    /// <summary>
    /// On an UPDATE, the containers whose image the old object's pod spec did not have (see <see cref="NewSince"/>);
    /// otherwise all of them.
    /// </summary>
    public static IReadOnlyList<ContainerImage> NewIn(AdmissionRequest request, IReadOnlyList<ContainerImage> containers) =>
        request.Operation == AdmissionOperations.Update && request.OldObject is { } oldObject
        && PodTemplate.Find(request.Kind, oldObject) is { } oldTemplate
            ? NewSince(containers, Read(oldTemplate.Spec, out _))
            : containers;

    /// <summary>
    /// The containers whose image string the old object did not have: an UPDATE that scales, relabels or
    /// finalizes a workload is never blocked by images that were admitted before (or predate the webhook).
    /// </summary>
    public static IReadOnlyList<ContainerImage> NewSince(IReadOnlyList<ContainerImage> current, IReadOnlyList<ContainerImage> old)
    {
        if (old.Count == 0) return current;
        var before = old.Select(c => c.Image).ToHashSet(StringComparer.Ordinal);
        return [.. current.Where(c => !before.Contains(c.Image))];
    }
}
