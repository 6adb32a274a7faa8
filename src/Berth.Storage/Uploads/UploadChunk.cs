namespace Berth.Storage.Uploads;

/// <summary>
/// What a request says about the chunk it carries: the offset it claims to start at (from
/// <c>Content-Range</c>) and the length it claims (from <c>Content-Length</c> or the range), each optional.
/// </summary>
public readonly record struct UploadChunk(long? Start, long? Length)
{
    public static UploadChunk Streamed => default;
}
