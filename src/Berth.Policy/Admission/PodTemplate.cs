using System.Text.Json;

namespace Berth.Policy.Admission;

/// <summary>
/// Where an object keeps the pod it creates: its spec, and the labels that pod will carry (the template's, or
/// the Pod's own).
/// </summary>
public sealed record PodTemplate(JsonElement Spec, IReadOnlyDictionary<string, string> Labels)
{
    /// <summary>
    /// The pod spec of every pod-creating kind: Pod (<c>spec</c>), PodTemplate (<c>template.spec</c>), CronJob
    /// (<c>spec.jobTemplate.spec.template.spec</c>) and the workloads (<c>spec.template.spec</c>). Kinds are
    /// recognized by name, whatever their group, so an older or aggregated API version cannot sidestep the check.
    /// Null for other kinds, or when the path is absent.
    /// </summary>
    public static PodTemplate? Find(string kind, JsonElement obj)
    {
        if (PodSpecPath.For(kind) is not { } specPath || Walk(obj, specPath) is not { ValueKind: JsonValueKind.Object } spec) return null;
        // The template is the spec's parent; a Pod (spec at the root) carries its own labels.
        var labelsOwner = specPath.Count == 1 ? obj : Walk(obj, specPath.Take(specPath.Count - 1));
        return new PodTemplate(spec, LabelsOf(labelsOwner));
    }

    /// <summary><c>metadata.labels</c> of an object, as strings; empty when absent.</summary>
    public static IReadOnlyDictionary<string, string> LabelsOf(JsonElement? owner)
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        if (owner is { } o && Walk(o, ["metadata", "labels"]) is { ValueKind: JsonValueKind.Object } map)
        {
            foreach (var label in map.EnumerateObject())
            {
                if (label.Value.ValueKind == JsonValueKind.String) labels[label.Name] = label.Value.GetString()!;
            }
        }
        return labels;
    }

    private static JsonElement? Walk(JsonElement element, IEnumerable<string> path)
    {
        foreach (var step in path)
        {
            if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(step, out element)) return null;
        }
        return element;
    }
}
