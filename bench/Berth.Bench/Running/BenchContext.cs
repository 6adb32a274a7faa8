using Berth.Bench.Registry;
using Berth.Bench.Workload;

namespace Berth.Bench.Running;

/// <summary>What every test needs to talk to one registry: the client, the prepared blobs, fresh names.</summary>
public sealed class BenchContext(RegistryClient registry, BlobWorkspace blobs, MarkerSource markers, string repositoryRoot, int chunkBytes, ulong seed)
{
    private long repositoryCounter;

    public RegistryClient Registry { get; } = registry;

    public BlobWorkspace Blobs { get; } = blobs;

    public MarkerSource Markers { get; } = markers;

    /// <summary>PATCH size of chunked pushes; 0 sends the whole blob in one PATCH.</summary>
    public int ChunkBytes { get; } = chunkBytes;

    public ulong Seed { get; } = seed;

    /// <summary>A repository no earlier push used, under the test's own folder, as zb does per push.</summary>
    public string NewRepository(string testSlug) =>
        $"{repositoryRoot}/{testSlug}/r{Markers.RunTag}-{Interlocked.Increment(ref repositoryCounter)}";

    public UniqueBlob NewLayer(BlobSize size) => Blobs[size].Mint(Markers.Next());
}
