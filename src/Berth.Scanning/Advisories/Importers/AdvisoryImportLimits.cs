namespace Berth.Scanning.Advisories.Importers;

/// <summary>Bounds that keep a hostile or huge feed from exhausting memory; crossing one is reported per file.</summary>
public sealed record AdvisoryImportLimits
{
    /// <summary>Rows written per transaction.</summary>
    public int BatchRows { get; init; } = 2000;

    /// <summary>Largest single advisory document (OSV record, secdb branch file, zip entry) read whole.</summary>
    public int MaxDocumentBytes { get; init; } = 32 * 1024 * 1024;

    /// <summary>Largest single package member of a streamed Debian tracker document.</summary>
    public int MaxTrackerPackageBytes { get; init; } = 64 * 1024 * 1024;

    /// <summary>Most nodes a YAML document may expand to (aliases included).</summary>
    public int MaxYamlNodes { get; init; } = 1_000_000;

    /// <summary>Most entries read from one zip archive.</summary>
    public int MaxZipEntries { get; init; } = 1_000_000;

    public static AdvisoryImportLimits Default { get; } = new();
}
