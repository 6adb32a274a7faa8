using System.Globalization;
using Berth.Commands.Vulndb;
using Berth.Core.Manifests;

namespace Berth.Commands.Scan;

/// <summary>The flags of <c>berth scan</c>, checked before anything is read.</summary>
internal sealed record ScanOptions(
    string Image,
    string Format,
    string? OutputFile,
    SeverityFilter Severities,
    int? VulnerableExitCode,
    string? CacheDirectory,
    Platform? Platform,
    ScannerSettings Settings)
{
    public const string DefaultFormat = "table";

    private static readonly string[] Known = ["--format", "--output", "--severity", "--exit-code", "--data", "--cache-dir", "--platform", "--config"];

    public static bool TryParse(IReadOnlyList<string> args, out ScanOptions options, out string error)
    {
        options = null!;
        if (!CommandArguments.TryParse(args, Known, out var arguments, out error)) return false;
        if (arguments.Positionals.Count != 1)
        {
            error = arguments.Positionals.Count == 0 ? "name the image to scan" : $"one image at a time; got '{string.Join("', '", arguments.Positionals)}'";
            return false;
        }
        if (!SeverityFilter.TryParse(arguments.Value("--severity"), out var severities, out error)) return false;

        int? exitCode = null;
        if (arguments.Value("--exit-code") is { } exitText)
        {
            if (!int.TryParse(exitText, NumberStyles.None, CultureInfo.InvariantCulture, out var code) || code > 255)
            {
                error = $"--exit-code is '{exitText}'; expected a number from 0 to 255";
                return false;
            }
            exitCode = code;
        }

        Platform? platform = null;
        if (arguments.Value("--platform") is { } platformText)
        {
            var parts = platformText.Split('/');
            if (parts.Length is < 2 or > 3 || parts.Any(part => part.Length == 0))
            {
                error = $"--platform is '{platformText}'; expected OS/ARCH or OS/ARCH/VARIANT such as linux/arm64";
                return false;
            }
            platform = new Platform(parts[0], parts[1], parts.Length == 3 ? parts[2] : null);
        }

        if (!ScannerSettings.TryRead(arguments, out var settings, out error)) return false;
        options = new ScanOptions(
            arguments.Positionals[0],
            arguments.Value("--format") ?? DefaultFormat,
            arguments.Value("--output"),
            severities,
            exitCode,
            arguments.Value("--cache-dir"),
            platform,
            settings);
        return true;
    }

    /// <summary>Layer analyses are kept beside the advisory database unless told otherwise.</summary>
    public string LayerCacheDirectory => Path.GetFullPath(CacheDirectory ?? Path.Combine(Settings.DataDirectory, "scan-cache"));
}
