namespace Berth.Metadata.Scans;

/// <summary>An image manifest stored in the registry, as scan-all walks them: the manifest bytes decide whether it is scannable.</summary>
public sealed record ScanCandidate(long Row, string Repository, string Digest, string MediaType, byte[] Content);
