namespace Berth.Bench.Scenarios;

/// <summary>How a push sends its blobs, after zb's two push tests.</summary>
public enum LayerUpload
{
    /// <summary>POST, then one PUT ?digest= carrying the whole blob.</summary>
    Monolith,

    /// <summary>POST, PATCH the blob (in chunks or in one stream), then an empty PUT ?digest=.</summary>
    Chunked,
}
