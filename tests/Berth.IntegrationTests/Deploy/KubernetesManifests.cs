using YamlDotNet.RepresentationModel;

namespace Berth.IntegrationTests.Deploy;

/// <summary>The YAML files of deploy/kubernetes, parsed, and small readers over YamlDotNet's node model.</summary>
public static class KubernetesManifests
{
    public static string Folder { get; } = Path.Combine(RepositoryRoot(), "deploy", "kubernetes");

    public static IReadOnlyList<string> Files => [.. Directory.GetFiles(Folder, "*.yaml").Order()];

    /// <summary>Every document of the YAML text (a file, or the output of <c>kubectl kustomize</c>).</summary>
    public static IReadOnlyList<YamlMappingNode> Parse(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return [.. stream.Documents.Select(d => (YamlMappingNode)d.RootNode)];
    }

    public static YamlMappingNode Load(string fileName) => Assert.Single(Parse(File.ReadAllText(Path.Combine(Folder, fileName))));

    public static YamlMappingNode Single(IEnumerable<YamlMappingNode> documents, string kind) =>
        Assert.Single(documents, d => Text(d, "kind") == kind);

    public static YamlNode Node(YamlNode node, params string[] path)
    {
        foreach (var key in path)
        {
            var mapping = Assert.IsType<YamlMappingNode>(node);
            Assert.True(mapping.Children.TryGetValue(new YamlScalarNode(key), out var child), $"no '{key}' in {string.Join('.', path)}");
            node = child;
        }
        return node;
    }

    public static string? Text(YamlNode node, params string[] path) => ((YamlScalarNode)Node(node, path)).Value;

    public static IReadOnlyList<YamlNode> Items(YamlNode node, params string[] path) => [.. ((YamlSequenceNode)Node(node, path)).Children];

    public static IReadOnlyList<string> Texts(YamlNode node, params string[] path) => [.. Items(node, path).Select(n => ((YamlScalarNode)n).Value ?? "")];

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Berth.sln"))) return directory.FullName;
        }
        throw new InvalidOperationException($"no Berth.sln above {AppContext.BaseDirectory}; cannot find the repository root");
    }
}
