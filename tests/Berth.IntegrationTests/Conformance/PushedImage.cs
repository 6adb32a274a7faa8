namespace Berth.IntegrationTests.Conformance;

/// <summary>What a workflow's setup pushed: the repository, the tag (if any) and the three pieces of content.</summary>
public sealed record PushedImage(string Repository, string? Tag, OciContent Config, OciContent Layer, OciContent Manifest);
