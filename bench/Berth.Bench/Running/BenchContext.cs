using System.Runtime.CompilerServices;
using Berth.Bench.Registry;
using Berth.Bench.Workload;

namespace Berth.Bench.Running;

/// <summary>What every test needs to talk to one registry: the client, the prepared blobs, fresh names.</summary>
public sealed class BenchContext
{
    private readonly string repositoryRoot;

    // Shared with the setup view, so setup and timed pushes never pick the same repository name.
    private readonly StrongBox<long> repositoryCounter;

    /// <param name="registry">The client of the timed iterations, authenticating as --load-auth says.</param>
    /// <param name="setupRegistry">The client of setup, with the --user credentials; may be the same.</param>
    public BenchContext(
        RegistryClient registry,
        RegistryClient setupRegistry,
        BlobWorkspace blobs,
        MarkerSource markers,
        string repositoryRoot,
        int chunkBytes,
        ulong seed)
        : this(registry, blobs, markers, repositoryRoot, chunkBytes, seed, new StrongBox<long>())
    {
        if (!ReferenceEquals(setupRegistry, registry))
        {
            ForSetup = new BenchContext(setupRegistry, blobs, markers, repositoryRoot, chunkBytes, seed, repositoryCounter);
        }
    }

    private BenchContext(
        RegistryClient registry,
        BlobWorkspace blobs,
        MarkerSource markers,
        string repositoryRoot,
        int chunkBytes,
        ulong seed,
        StrongBox<long> repositoryCounter)
    {
        Registry = registry;
        Blobs = blobs;
        Markers = markers;
        ChunkBytes = chunkBytes;
        Seed = seed;
        this.repositoryRoot = repositoryRoot;
        this.repositoryCounter = repositoryCounter;
        ForSetup = this;
    }

    public RegistryClient Registry { get; }

    /// <summary>
    /// The same context with the setup client as <see cref="Registry"/>: what a test's setup gets, so
    /// tests push their images the same way whatever the timed iterations authenticate with.
    /// </summary>
    public BenchContext ForSetup { get; }

    public BlobWorkspace Blobs { get; }

    public MarkerSource Markers { get; }

    /// <summary>PATCH size of chunked pushes; 0 sends the whole blob in one PATCH.</summary>
    public int ChunkBytes { get; }

    public ulong Seed { get; }

    /// <summary>A repository no earlier push used, under the test's own folder, as zb does per push.</summary>
    public string NewRepository(string testSlug) =>
        $"{repositoryRoot}/{testSlug}/r{Markers.RunTag}-{Interlocked.Increment(ref repositoryCounter.Value)}";

    public UniqueBlob NewLayer(BlobSize size) => Blobs[size].Mint(Markers.Next());
}
