using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Berth.Policy.Admission;

/// <summary>
/// Loads <c>K8sAllowedRepos</c> constraints from files and directories of YAML (or JSON, which YAML reads),
/// several documents per file allowed. ConstraintTemplate documents are skipped (Berth implements the template
/// itself), so a directory copied from a Gatekeeper setup loads as it is. Any other problem stops the load with a
/// message naming the configuration key, the file, the document and the field.
/// </summary>
public static class ConstraintFiles
{
    public const string ConfigurationKey = "Admission:Constraints";

    private static readonly string[] Extensions = [".yaml", ".yml", ".json"];

    public static IReadOnlyList<AllowedReposConstraint>? Load(IEnumerable<string> paths, out string? error)
    {
        var constraints = new List<AllowedReposConstraint>();
        error = null;
        foreach (var path in paths)
        {
            IEnumerable<string> files;
            if (Directory.Exists(path))
                files = Directory.EnumerateFiles(path).Where(f => Extensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase)).Order(StringComparer.Ordinal);
            else if (File.Exists(path))
                files = [path];
            else
            {
                error = $"{ConfigurationKey}: '{path}' is neither a file nor a directory";
                return null;
            }
            foreach (var file in files)
            {
                if (!LoadFile(file, constraints, out error)) return null;
            }
        }
        var duplicate = constraints.GroupBy(c => c.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            error = $"{ConfigurationKey}: constraint '{duplicate.Key}' is defined twice ({string.Join(", ", duplicate.Select(c => c.Source))})";
            return null;
        }
        return constraints;
    }

    private static bool LoadFile(string file, List<AllowedReposConstraint> constraints, out string? error)
    {
        error = null;
        var stream = new YamlStream();
        try
        {
            using var reader = new StreamReader(file);
            stream.Load(reader);
        }
        catch (Exception e) when (e is YamlException or IOException or UnauthorizedAccessException)
        {
            error = $"{ConfigurationKey}: {file}: cannot be read as YAML: {e.Message}";
            return false;
        }
        var number = 0;
        foreach (var document in stream.Documents)
        {
            number++;
            var source = $"{file}, document {number} (line {document.RootNode.Start.Line})";
            if (document.RootNode is YamlScalarNode { Value: null or "" }) continue;
            if (document.RootNode is not YamlMappingNode root)
            {
                error = $"{ConfigurationKey}: {source}: is not a mapping";
                return false;
            }
            if (root.Children.TryGetValue(new YamlScalarNode("kind"), out var kind) && kind is YamlScalarNode { Value: "ConstraintTemplate" }) continue;
            if (ConstraintDocument.Read(root, source, out var documentError) is not { } constraint)
            {
                error = $"{ConfigurationKey}: {source}: {documentError}";
                return false;
            }
            constraints.Add(constraint);
        }
        return true;
    }
}
