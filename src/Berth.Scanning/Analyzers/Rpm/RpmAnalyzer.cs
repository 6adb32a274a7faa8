using Berth.Scanning.Layers;
using Berth.Scanning.Packages;

namespace Berth.Scanning.Analyzers.Rpm;

/// <summary>
/// Installed RPM packages from the rpm database in any of its three formats (SQLite, NDB, BerkeleyDB hash),
/// with the files each distribution package installed.
/// </summary>
public sealed class RpmAnalyzer : IFileAnalyzer
{
    private static readonly HashSet<string> DatabasePaths = new(StringComparer.Ordinal)
    {
        "var/lib/rpm/Packages",
        "var/lib/rpm/Packages.db",
        "var/lib/rpm/rpmdb.sqlite",
        "usr/lib/sysimage/rpm/Packages",
        "usr/lib/sysimage/rpm/Packages.db",
        "usr/lib/sysimage/rpm/rpmdb.sqlite",
        "usr/share/rpm/rpmdb.sqlite", // Fedora CoreOS
    };

    public string Name => "rpm";

    public int Version => 1;

    /// <summary>Wants the database whatever its size, so that one too large is reported rather than silently skipped.</summary>
    public bool Wants(string path, long size) => DatabasePaths.Contains(path);

    public async Task AnalyzeAsync(LayerFile file, LayerFindings findings, CancellationToken cancellationToken)
    {
        var warnings = new DatabaseWarnings(findings, file.Path);
        var limit = file.Limits.MaxAnalyzedFileBytes;
        if (file.Size > limit)
        {
            warnings.Warn($"{file.Size} bytes is more than the {limit}-byte limit for an analyzed file; not read");
            return;
        }

        await using var copy = await TemporaryDatabaseCopy.CreateAsync(file.Content, limit, cancellationToken);
        if (copy is null)
        {
            warnings.Warn($"holds more than the {limit}-byte limit for an analyzed file; not read");
            return;
        }

        var reader = await DetectAsync(copy, cancellationToken);
        if (reader is null)
        {
            warnings.Warn("not an SQLite, NDB or BerkeleyDB hash database");
            return;
        }

        var packages = new List<Package>();
        var installedFiles = new List<string>();
        await reader.ReadAsync(copy, blob => Collect(blob, file.Path, packages, installedFiles, warnings), warnings, cancellationToken);

        findings.AddPackages(file.Path, packages);
        findings.AddInstalledFiles(installedFiles);
        warnings.Complete();
    }

    private static async Task<IRpmHeaderBlobReader?> DetectAsync(TemporaryDatabaseCopy copy, CancellationToken cancellationToken)
    {
        using var file = DatabaseFile.Open(copy);
        var head = new byte[Math.Min(RpmDatabaseProbe.HeadLength, file.Length)];
        await file.ReadAsync(head, 0, cancellationToken);
        return RpmDatabaseProbe.Detect(head);
    }

    private static void Collect(byte[] blob, string databasePath, List<Package> packages, List<string> installedFiles, DatabaseWarnings warnings)
    {
        if (!RpmHeader.TryParse(blob, out var header, out var problem))
        {
            warnings.Warn(problem);
            return;
        }
        if (!InstalledRpm.TryDecode(header, out var rpm, out problem))
        {
            warnings.Warn(problem);
            return;
        }
        if (problem is not null) warnings.Warn(problem);

        // gpg-pubkey "packages" are the signing keys rpm trusts, stored as headers; nothing is installed.
        if (rpm.Name == "gpg-pubkey") return;

        string? sourceName = null, sourceVersion = null;
        if (rpm.SourceRpm is { } sourceRpm and not "(none)")
        {
            if (SourceRpm.TryParse(sourceRpm, out var source))
            {
                sourceName = source.Name;
                // SOURCERPM carries no epoch; the binary's is the source's (they are built together).
                sourceVersion = InstalledRpm.Format(rpm.Epoch, source.Version, source.Release);
            }
            else
            {
                warnings.Warn($"package {rpm.Name}: SOURCERPM '{sourceRpm}' is not name-version-release.arch.rpm");
            }
        }

        var distribution = RpmVendors.IsDistribution(rpm.Vendor);
        packages.Add(new Package
        {
            Name = rpm.Name,
            Version = rpm.FullVersion,
            Ecosystem = Ecosystem.Rpm,
            SourceName = sourceName,
            SourceVersion = sourceVersion,
            Architecture = rpm.Architecture,
            License = rpm.License,
            FilePath = databasePath,
            ThirdParty = !distribution,
        });

        // As in Trivy, only a distribution package's files are withheld from language analysis: a
        // third-party rpm may bundle libraries that no distribution advisory covers.
        if (distribution) installedFiles.AddRange(rpm.InstalledFiles);
    }
}
