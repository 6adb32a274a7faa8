using System.Diagnostics.CodeAnalysis;

namespace Berth.Scanning.Analyzers.Rpm;

/// <summary>The fields of one installed package, read from its header.</summary>
internal sealed record InstalledRpm
{
    // No real directory path is this long (PATH_MAX); a longer one is built to multiply memory.
    private const int MaxPathLength = 4096;

    public required string Name { get; init; }

    public uint? Epoch { get; init; }

    public required string Version { get; init; }

    public string? Release { get; init; }

    public string? Architecture { get; init; }

    public string? License { get; init; }

    public string? Vendor { get; init; }

    public string? SourceRpm { get; init; }

    /// <summary>RHEL module stream, e.g. "nodejs:18:8080020230920150051:rhel8"; selects module advisories.</summary>
    public string? ModularityLabel { get; init; }

    /// <summary>Paths relative to the image root, without the leading '/'.</summary>
    public IReadOnlyList<string> InstalledFiles { get; init; } = [];

    public static bool TryDecode(RpmHeader header, [NotNullWhen(true)] out InstalledRpm? package, [NotNullWhen(false)] out string? problem)
    {
        package = null;
        var name = header.String(RpmTag.Name);
        var version = header.String(RpmTag.Version);
        if (string.IsNullOrEmpty(name) || string.IsNullOrEmpty(version))
        {
            problem = header.Problems.Count > 0
                ? $"header without a readable name or version ({header.Problems[0]})"
                : "header without a name or version";
            return false;
        }

        var files = InstalledFileNames(header, out var filesProblem);
        package = new InstalledRpm
        {
            Name = name,
            Epoch = header.UInt32(RpmTag.Epoch),
            Version = version,
            Release = NullIfEmpty(header.String(RpmTag.Release)),
            Architecture = NullIfEmpty(header.String(RpmTag.Arch)),
            License = NullIfEmpty(header.String(RpmTag.License)),
            Vendor = NullIfEmpty(header.String(RpmTag.Vendor)),
            SourceRpm = NullIfEmpty(header.String(RpmTag.SourceRpm)),
            ModularityLabel = NullIfEmpty(header.String(RpmTag.ModularityLabel)),
            InstalledFiles = files,
        };

        problem = filesProblem ?? (header.Problems.Count > 0 ? header.Problems[0] : null);
        // A package whose optional fields are damaged is still installed: keep it, and say what was wrong.
        if (problem is not null) problem = $"package {name}: {problem}";
        return true;
    }

    /// <summary>
    /// <c>[epoch:]version-release</c>. A zero epoch is left out, as Trivy and rpm's own queries print it:
    /// rpm compares a missing epoch as 0, so both spellings name the same version.
    /// </summary>
    public string FullVersion => Format(Epoch, Version, Release);

    public static string Format(uint? epoch, string version, string? release)
    {
        var withRelease = release is null ? version : $"{version}-{release}";
        return epoch is > 0 ? $"{epoch}:{withRelease}" : withRelease;
    }

    private static List<string> InstalledFileNames(RpmHeader header, out string? problem)
    {
        problem = null;
        var files = new List<string>();
        if (!header.Has(RpmTag.BaseNames))
        {
            foreach (var path in header.StringArray(RpmTag.OldFileNames) ?? [])
                files.Add(path.TrimStart('/'));
            return files;
        }

        var baseNames = header.StringArray(RpmTag.BaseNames);
        var dirNames = header.StringArray(RpmTag.DirNames);
        var dirIndexes = header.UInt32Array(RpmTag.DirIndexes);
        if (baseNames is null || dirNames is null || dirIndexes is null)
        {
            problem = header.Problems.Count > 0
                ? $"file list is unreadable: {header.Problems[^1]}"
                : "file list is incomplete (BASENAMES without DIRNAMES or DIRINDEXES)";
            return files;
        }
        if (dirIndexes.Length != baseNames.Count)
        {
            problem = $"file list has {baseNames.Count} base names but {dirIndexes.Length} directory indexes";
            return files;
        }

        // Paths share directory strings, so their total can exceed the header many times over; bound it
        // by the header size so a crafted header cannot turn a few bytes into gigabytes of paths.
        var budget = 16L * header.DataLength + 1024 * 1024;
        for (var i = 0; i < baseNames.Count; i++)
        {
            var dirIndex = dirIndexes[i];
            if (dirIndex >= dirNames.Count)
            {
                problem = $"file {baseNames[i]} points at directory {dirIndex} of {dirNames.Count}";
                files.Clear();
                return files;
            }
            var dir = dirNames[(int)dirIndex];
            var length = dir.Length + baseNames[i].Length;
            budget -= length;
            if (length > MaxPathLength || budget < 0)
            {
                problem = "file list expands to implausibly long paths";
                files.Clear();
                return files;
            }
            files.Add(string.Concat(dir, baseNames[i]).TrimStart('/'));
        }
        return files;
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
