namespace Berth.Storage.Uploads;

/// <summary>An upload in progress: its id (the spec's session id / Docker-Upload-UUID), repository and current size.</summary>
public sealed record UploadSession(string Id, string Repository, DateTimeOffset StartedAt, long Size);
