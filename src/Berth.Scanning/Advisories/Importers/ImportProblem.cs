namespace Berth.Scanning.Advisories.Importers;

/// <summary>A file (or zip entry, written <c>archive.zip!/entry</c>) that could not be imported, and why.</summary>
public sealed record ImportProblem(string Path, string Message);
