namespace Berth.Bench.Workload;

/// <summary>The digest and size a manifest gives for one of its blobs.</summary>
public sealed record BlobDescriptor(string Digest, long Size);
