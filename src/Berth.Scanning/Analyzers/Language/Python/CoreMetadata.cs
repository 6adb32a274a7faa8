namespace Berth.Scanning.Analyzers.Language.Python;

/// <summary>
/// Python core metadata (METADATA, PKG-INFO): RFC 822 style headers up to the first blank line, where the
/// long description begins. Continuation lines (leading whitespace) extend the previous header. Older
/// setuptools folds the whole long description into a <c>Description</c> header whose paragraphs are
/// separated by truly empty lines, with Keywords and Classifiers after it; blank lines inside that folded
/// header do not end the header block.
/// </summary>
public sealed class CoreMetadata
{
    private readonly List<KeyValuePair<string, string>> _headers = [];

    private CoreMetadata() { }

    public static CoreMetadata Parse(string text)
    {
        var metadata = new CoreMetadata();
        var foldedDescription = false;
        foreach (var rawLine in text.Split('\n'))
        {
            var line = rawLine.TrimEnd('\r');
            if (line.Length == 0)
            {
                if (foldedDescription) continue;
                break;
            }
            if (char.IsWhiteSpace(line[0]))
            {
                if (metadata._headers.Count > 0)
                {
                    foldedDescription = string.Equals(metadata._headers[^1].Key, "Description", StringComparison.OrdinalIgnoreCase);
                    var last = metadata._headers[^1];
                    metadata._headers[^1] = new(last.Key, last.Value + "\n" + line.Trim());
                }
                continue;
            }
            var colon = line.IndexOf(':');
            if (colon <= 0 || line[..colon].Contains(' '))
            {
                if (foldedDescription) break; // the body starts after the folded description
                continue;
            }
            foldedDescription = false;
            metadata._headers.Add(new(line[..colon].Trim(), line[(colon + 1)..].Trim()));
        }
        return metadata;
    }

    public string? First(string name) =>
        _headers.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value;

    public IEnumerable<string> All(string name) =>
        _headers.Where(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Select(h => h.Value);

    /// <summary>
    /// The licence as Trivy ranks the sources: <c>License-Expression</c> (SPDX, metadata 2.4), then a short
    /// <c>License</c> that is not "UNKNOWN" (long values are whole licence texts pasted in), then the last
    /// segment of <c>License ::</c> classifiers ("MIT License").
    /// </summary>
    public string? License()
    {
        if (First("License-Expression") is { Length: > 0 } expression) return expression;
        if (First("License") is { Length: > 0 and <= 100 } license
            && !license.Contains('\n')
            && !string.Equals(license, "UNKNOWN", StringComparison.OrdinalIgnoreCase))
            return license;
        var classifiers = All("Classifier")
            .Where(c => c.StartsWith("License ::", StringComparison.Ordinal))
            .Select(c => c[(c.LastIndexOf("::", StringComparison.Ordinal) + 2)..].Trim())
            .Where(c => c.Length > 0)
            .ToList();
        return classifiers.Count == 0 ? null : string.Join(", ", classifiers);
    }
}
