using System.Text.Json.Nodes;

namespace Berth.Policy.Tests.Admission;

/// <summary>
/// RFC 6902 as the API server applies a webhook's patch, for the operations Berth sends: <c>replace</c> (the target
/// must exist) and <c>test</c>. Paths are RFC 6901 pointers: '~1' is '/', '~0' is '~', array members by index.
/// </summary>
internal static class JsonPatchApplier
{
    public static JsonNode Apply(JsonNode document, JsonArray patch)
    {
        var result = document.DeepClone();
        foreach (var operation in patch)
        {
            var op = operation!["op"]!.GetValue<string>();
            var path = operation["path"]!.GetValue<string>();
            var value = operation["value"];
            var (parent, last) = Parent(result, path);
            var current = Child(parent, last) ?? throw new InvalidOperationException($"{op} {path}: no such location");
            switch (op)
            {
                case "replace":
                    if (parent is JsonArray array) array[int.Parse(last)] = value?.DeepClone();
                    else parent.AsObject()[last] = value?.DeepClone();
                    break;
                case "test":
                    if (!JsonNode.DeepEquals(current, value)) throw new InvalidOperationException($"test {path} failed");
                    break;
                default:
                    throw new InvalidOperationException($"operation {op} is not one Berth sends");
            }
        }
        return result;
    }

    private static (JsonNode Parent, string Last) Parent(JsonNode root, string path)
    {
        if (!path.StartsWith('/')) throw new InvalidOperationException($"'{path}' is not a JSON pointer");
        var segments = path[1..].Split('/').Select(s => s.Replace("~1", "/").Replace("~0", "~")).ToArray();
        var node = root;
        foreach (var segment in segments[..^1]) node = Child(node, segment) ?? throw new InvalidOperationException($"{path}: '{segment}' does not exist");
        return (node, segments[^1]);
    }

    private static JsonNode? Child(JsonNode node, string segment) => node switch
    {
        JsonArray array => int.TryParse(segment, out var i) && i >= 0 && i < array.Count ? array[i] : null,
        JsonObject obj => obj.TryGetPropertyValue(segment, out var child) ? child : null,
        _ => null,
    };
}
