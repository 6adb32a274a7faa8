using System.Text.Json;
using System.Text.Json.Serialization;
using Berth.Access.Identity;
using Berth.Access.Roles;

namespace Berth.Access.Authentication;

/// <summary>
/// Harbor's robot permission list as JSON (<c>[{"kind","namespace","access":[{"resource","action"}]}]</c>),
/// read into <see cref="RobotGrant"/>s.
/// </summary>
public static class RobotPermissions
{
    public static IReadOnlyList<RobotGrant> Parse(string json)
    {
        var entries = JsonSerializer.Deserialize<List<Entry>>(json) ?? [];
        return entries
            .Select(e => new RobotGrant(e.Kind ?? "", e.Namespace ?? "",
                (e.Access ?? []).Select(a => new Permission(a.Resource ?? "", a.Action ?? "")).ToList()))
            .ToList();
    }

    public static string Serialize(IEnumerable<RobotGrant> grants) => JsonSerializer.Serialize(
        grants.Select(g => new Entry
        {
            Kind = g.Kind,
            Namespace = g.Namespace,
            Access = g.Access.Select(a => new AccessItem { Resource = a.Resource, Action = a.Action }).ToList(),
        }).ToList());

    private sealed class Entry
    {
        [JsonPropertyName("kind")] public string? Kind { get; set; }
        [JsonPropertyName("namespace")] public string? Namespace { get; set; }
        [JsonPropertyName("access")] public List<AccessItem>? Access { get; set; }
    }

    private sealed class AccessItem
    {
        [JsonPropertyName("resource")] public string? Resource { get; set; }
        [JsonPropertyName("action")] public string? Action { get; set; }
    }
}
