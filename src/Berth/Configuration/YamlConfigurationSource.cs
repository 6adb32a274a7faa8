using Microsoft.Extensions.Configuration;
using YamlDotNet.RepresentationModel;

namespace Berth.Configuration;

/// <summary>
/// Reads a YAML configuration file into configuration keys: nested mappings become <c>Section:Key</c>,
/// sequence items <c>Section:0</c>, as the JSON provider does for JSON.
/// </summary>
internal sealed class YamlConfigurationSource(string path) : IConfigurationSource
{
    public IConfigurationProvider Build(IConfigurationBuilder builder) => new YamlConfigurationProvider(path);

    private sealed class YamlConfigurationProvider(string path) : ConfigurationProvider
    {
        public override void Load()
        {
            var stream = new YamlStream();
            using (var reader = File.OpenText(path)) stream.Load(reader);
            var data = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
            if (stream.Documents.Count > 0) Flatten(stream.Documents[0].RootNode, null, data);
            Data = data;
        }

        private static void Flatten(YamlNode node, string? prefix, Dictionary<string, string?> data)
        {
            switch (node)
            {
                case YamlMappingNode mapping:
                    foreach (var (key, value) in mapping.Children)
                        Flatten(value, Join(prefix, ((YamlScalarNode)key).Value ?? ""), data);
                    break;
                case YamlSequenceNode sequence:
                    for (var i = 0; i < sequence.Children.Count; i++) Flatten(sequence.Children[i], Join(prefix, i.ToString()), data);
                    break;
                case YamlScalarNode scalar when prefix is not null:
                    data[prefix] = scalar.Value;
                    break;
            }
        }

        private static string Join(string? prefix, string key) => prefix is null ? key : $"{prefix}:{key}";
    }
}
