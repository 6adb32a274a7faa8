namespace Berth.Scanning.Advisories.Importers;

/// <summary>What one import did.</summary>
/// <param name="Documents">Advisory documents read: files and zip entries in a recognised format.</param>
/// <param name="Advisories">Advisories stored (withdrawn ones not counted).</param>
/// <param name="Withdrawn">Withdrawn advisories, whose rows were removed.</param>
/// <param name="Rows">Rows written: one per advisory and affected package.</param>
/// <param name="BySource">Advisories stored per feed name.</param>
/// <param name="Errors">Files that were malformed or too large; every other file was still imported.</param>
/// <param name="Unrecognised">JSON/YAML files that parsed but are not an advisory format this importer reads.</param>
/// <param name="Skipped">Files that are not JSON, YAML or zip (licences, READMEs).</param>
public sealed record AdvisoryImportResult(
    int Documents,
    int Advisories,
    int Withdrawn,
    int Rows,
    IReadOnlyDictionary<string, int> BySource,
    IReadOnlyList<ImportProblem> Errors,
    IReadOnlyList<string> Unrecognised,
    int Skipped);
