namespace Berth.Scanning.Packages;

/// <summary>One installed package found in an image or directory.</summary>
public sealed record Package
{
    public required string Name { get; init; }

    /// <summary>The version as the package manager writes it (dpkg/rpm: with epoch and release when present).</summary>
    public required string Version { get; init; }

    public required Ecosystem Ecosystem { get; init; }

    /// <summary>Source package (dpkg `Source:`, apk `o:`, rpm SOURCERPM); distro advisories are keyed by it.</summary>
    public string? SourceName { get; init; }

    public string? SourceVersion { get; init; }

    public string? Architecture { get; init; }

    public string? License { get; init; }

    /// <summary>Where the package was recorded: the database or manifest file, relative to the image root.</summary>
    public string? FilePath { get; init; }

    /// <summary>An OS package from a vendor repository that the distribution's advisories do not cover.</summary>
    public bool ThirdParty { get; init; }

    /// <summary>The diff id of the layer that brought the package, filled when layers are merged.</summary>
    public string? LayerDiffId { get; init; }
}
