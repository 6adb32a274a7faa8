namespace Berth.Metadata.Scans;

/// <summary>A request to scan the artifact with <paramref name="Digest"/>, which the worker reads from <paramref name="Repository"/>.</summary>
public sealed record ScanRequest(string Repository, string Digest);
