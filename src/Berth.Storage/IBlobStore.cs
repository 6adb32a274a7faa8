using Berth.Core;

namespace Berth.Storage;

/// <summary>
/// The global content-addressed blob store. Blobs enter only through a committed upload
/// (<see cref="IUploadStore"/>), so a reader never sees a partial blob.
/// </summary>
public interface IBlobStore
{
    /// <summary>The blob's size, or null when the store does not hold it.</summary>
    ValueTask<long?> GetSizeAsync(Digest digest, CancellationToken cancellationToken);

    /// <summary>A seekable stream over the blob, or null when the store does not hold it.</summary>
    ValueTask<Stream?> OpenReadAsync(Digest digest, CancellationToken cancellationToken);

    /// <summary>Removes the blob; true when it was there.</summary>
    ValueTask<bool> DeleteAsync(Digest digest, CancellationToken cancellationToken);
}
