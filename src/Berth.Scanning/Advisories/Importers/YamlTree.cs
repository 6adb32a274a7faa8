using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Berth.Scanning.Advisories.Importers;

/// <summary>
/// Turns a YAML document into the same tree JSON parses to, so one reader serves OSV in both forms.
/// Scalars stay strings (OSV versions and secdb keys are strings even when they look like numbers); the
/// node budget stops alias expansion ("billion laughs") from growing without bound.
/// </summary>
public static class YamlTree
{
    /// <summary>The first document as a tree, or null with <paramref name="error"/> when the YAML is malformed or too large.</summary>
    public static JsonNode? Parse(string text, int maxNodes, out string? error)
    {
        error = null;
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (Exception e) when (e is YamlException or InvalidOperationException)
        {
            // YamlDotNet's scanner throws InvalidOperationException on some unterminated flow collections.
            error = $"malformed YAML: {e.Message}";
            return null;
        }
        if (stream.Documents.Count == 0) return null;
        var budget = maxNodes;
        var tree = Convert(stream.Documents[0].RootNode, ref budget, 0);
        if (budget < 0) error = $"the YAML expands to more than {maxNodes} nodes";
        return budget < 0 ? null : tree;
    }

    private static JsonNode? Convert(YamlNode node, ref int budget, int depth)
    {
        if (--budget < 0 || depth > 64)
        {
            budget = -1;
            return null;
        }
        switch (node)
        {
            case YamlMappingNode mapping:
                var obj = new JsonObject();
                foreach (var (key, value) in mapping.Children)
                {
                    if (key is not YamlScalarNode { Value: { } name }) continue;
                    obj[name] = Convert(value, ref budget, depth + 1);
                    if (budget < 0) return null;
                }
                return obj;
            case YamlSequenceNode sequence:
                var array = new JsonArray();
                foreach (var item in sequence.Children)
                {
                    array.Add(Convert(item, ref budget, depth + 1));
                    if (budget < 0) return null;
                }
                return array;
            case YamlScalarNode scalar:
                var plain = scalar.Style is ScalarStyle.Plain or ScalarStyle.Any;
                if (scalar.Value is null || plain && scalar.Value is "" or "~" or "null" or "Null" or "NULL") return null;
                return JsonValue.Create(scalar.Value);
            default:
                return null;
        }
    }
}
