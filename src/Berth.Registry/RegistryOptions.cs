namespace Berth.Registry;

/// <summary>The <c>Registry</c> configuration section.</summary>
public sealed class RegistryOptions
{
    public const string Section = "Registry";

    /// <summary>Largest manifest accepted; the spec suggests registries accept at least 4 MiB.</summary>
    public int MaxManifestBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>Upload sessions idle for longer than this are removed with their data.</summary>
    public TimeSpan UploadExpiry { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How often expired upload sessions are looked for.</summary>
    public TimeSpan UploadSweepInterval { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Whether manifests, tags and blobs may be deleted through /v2.</summary>
    public bool DeleteEnabled { get; set; } = true;

    /// <summary>The first setting that cannot work, named by its key; null when all can.</summary>
    public string? Validate()
    {
        if (MaxManifestBytes <= 0) return $"{Section}:MaxManifestBytes must be positive, not {MaxManifestBytes}";
        if (UploadExpiry <= TimeSpan.Zero) return $"{Section}:UploadExpiry must be positive, not {UploadExpiry}";
        if (UploadSweepInterval <= TimeSpan.Zero) return $"{Section}:UploadSweepInterval must be positive, not {UploadSweepInterval}";
        return null;
    }
}
