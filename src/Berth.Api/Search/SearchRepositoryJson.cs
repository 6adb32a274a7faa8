namespace Berth.Api.Search;

/// <summary>Harbor's <c>SearchRepository</c> JSON.</summary>
public sealed record SearchRepositoryJson(long ProjectId, string ProjectName, bool ProjectPublic, string RepositoryName, long PullCount, int ArtifactCount);
