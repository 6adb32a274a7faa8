namespace Berth.Bench.Workload;

/// <summary>Blob content with its digest known up front, readable in ranges for chunked uploads.</summary>
public interface IBlobSource
{
    string Digest { get; }

    long Length { get; }

    /// <summary>A fresh stream over [offset, offset + count) of the blob.</summary>
    Stream OpenRange(long offset, long count);
}
