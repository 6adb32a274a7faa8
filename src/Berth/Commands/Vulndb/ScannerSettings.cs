using System.Globalization;
using Berth.Configuration;
using Microsoft.Extensions.Configuration;

namespace Berth.Commands.Vulndb;

/// <summary>
/// What <c>berth scan</c> and <c>berth vulndb</c> read from configuration, as <c>berth serve</c> does: the
/// file named by <c>--config</c>, then <c>BERTH__Section__Key</c> variables, then the flags.
/// </summary>
internal sealed record ScannerSettings(string DataDirectory, IReadOnlyList<Uri> AdvisorySources, long DownloadMaxBytes, TimeSpan DownloadTimeout)
{
    public const string AdvisorySourcesKey = "Scanner:AdvisorySources";
    public const string DownloadMaxBytesKey = "Scanner:AdvisoryDownloadMaxBytes";
    public const string DownloadTimeoutKey = "Scanner:AdvisoryDownloadTimeout";

    /// <summary>
    /// osv.dev publishes one archive per ecosystem; these are the ecosystems the analyzers find packages of and the
    /// matcher has a release mapping for (docs/scanning.md lists which distribution uses which).
    /// </summary>
    public static IReadOnlyList<string> DefaultEcosystems { get; } =
    [
        "Go", "PyPI", "npm", "crates.io", "Maven", "NuGet", "RubyGems", "Packagist", "Debian", "Alpine", "Ubuntu",
        "AlmaLinux", "Rocky Linux", "Red Hat", "SUSE", "openSUSE", "Azure Linux",
    ];

    public static IReadOnlyList<Uri> DefaultAdvisorySources { get; } =
        [.. DefaultEcosystems.Select(ecosystem => new Uri($"https://osv-vulnerabilities.storage.googleapis.com/{Uri.EscapeDataString(ecosystem)}/all.zip"))];

    // The largest osv.dev archive (Debian) is a few hundred MiB; a mirror serving more than this is not serving advisories.
    public const long DefaultDownloadMaxBytes = 4L * 1024 * 1024 * 1024;

    public static readonly TimeSpan DefaultDownloadTimeout = TimeSpan.FromMinutes(30);

    /// <summary>Reads and checks the settings; URLs given as <c>--source</c> replace the configured list.</summary>
    public static bool TryRead(CommandArguments arguments, out ScannerSettings settings, out string error)
    {
        var sourceFlags = arguments.Values("--source");
        settings = null!;
        KeyValuePair<string, string?>[]? overrides = arguments.Value("--data") is { } dataFlag ? [new(BerthSettings.DataDirectoryKey, dataFlag)] : null;
        if (!ConfigurationFile.TryBuild(arguments.Value("--config"), overrides, out var configuration, out error)) return false;

        var data = configuration[BerthSettings.DataDirectoryKey] ?? BerthSettings.DefaultDataDirectory;
        if (string.IsNullOrWhiteSpace(data))
        {
            error = $"{BerthSettings.DataDirectoryKey} (--data) is empty";
            return false;
        }

        var sourceTexts = sourceFlags.Count > 0
            ? sourceFlags
            : configuration.GetSection(AdvisorySourcesKey).GetChildren().Select(child => child.Value ?? "").ToList();
        var sources = new List<Uri>();
        for (var i = 0; i < sourceTexts.Count; i++)
        {
            if (!Uri.TryCreate(sourceTexts[i], UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            {
                var where = sourceFlags.Count > 0 ? "--source" : $"{AdvisorySourcesKey}:{i}";
                error = $"{where} is '{sourceTexts[i]}'; expected an http or https URL";
                return false;
            }
            sources.Add(uri);
        }

        var maxBytes = DefaultDownloadMaxBytes;
        if (configuration[DownloadMaxBytesKey] is { } maxText
            && (!long.TryParse(maxText, NumberStyles.None, CultureInfo.InvariantCulture, out maxBytes) || maxBytes <= 0))
        {
            error = $"{DownloadMaxBytesKey} is '{maxText}'; expected a positive number of bytes";
            return false;
        }

        var timeout = DefaultDownloadTimeout;
        if (configuration[DownloadTimeoutKey] is { } timeoutText
            && (!TimeSpan.TryParse(timeoutText, CultureInfo.InvariantCulture, out timeout) || timeout <= TimeSpan.Zero))
        {
            error = $"{DownloadTimeoutKey} is '{timeoutText}'; expected a positive duration such as 00:30:00";
            return false;
        }

        error = "";
        settings = new ScannerSettings(Path.GetFullPath(data), sources.Count > 0 ? sources : DefaultAdvisorySources, maxBytes, timeout);
        return true;
    }
}
