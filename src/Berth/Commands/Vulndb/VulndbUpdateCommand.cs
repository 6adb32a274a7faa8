using System.Net;
using Berth.Metadata.Sqlite;
using Berth.Scanning.Advisories.Importers;

namespace Berth.Commands.Vulndb;

/// <summary>
/// <c>berth vulndb update</c>: downloads the configured advisory archives (osv.dev's by default, or a mirror)
/// and imports them in one run. A source that cannot be fetched is reported and the others still import.
/// </summary>
internal static class VulndbUpdateCommand
{
    private static readonly string[] Options = ["--data", "--config", "--source"];

    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        if (!CommandArguments.TryParse(args, Options, out var arguments, out var error)) return VulndbCommand.Usage("update", error);
        if (arguments.Positionals.Count > 0) return VulndbCommand.Usage("update", $"unexpected argument '{arguments.Positionals[0]}'; name sources with --source URL");
        if (!ScannerSettings.TryRead(arguments, out var settings, out error)) return VulndbCommand.Usage("update", error);

        using var interrupt = ConsoleInterrupt.Listen();
        var (database, openError) = await AdvisoryDatabase.OpenAsync(settings.DataDirectory, create: true, interrupt.Token);
        if (database is null) return VulndbCommand.Fail("update", openError!);

        var workspace = Directory.CreateTempSubdirectory("berth-vulndb-");
        try
        {
            var fetched = await FetchAllAsync(settings, workspace.FullName, interrupt.Token);
            if (fetched.Count == 0) return VulndbCommand.Fail("update", "no advisory source could be fetched", VulndbCommand.NothingImported);

            // One import of every archive: feeds such as GHSA appear in several ecosystems' archives, and a
            // feed's count in `vulndb status` is what one run took from it.
            var importer = new AdvisoryImporter(new SqliteAdvisoryStore(database));
            var result = await importer.ImportAsync([.. fetched.Keys], interrupt.Token);
            ImportSummary.Print(result, "update", path => Display(path, fetched), Console.Out, Console.Error);
            return result.Documents > 0 ? VulndbCommand.Imported : VulndbCommand.NothingImported;
        }
        finally
        {
            workspace.Delete(recursive: true);
        }
    }

    /// <returns>Each downloaded file with the URL it came from.</returns>
    private static async Task<Dictionary<string, Uri>> FetchAllAsync(ScannerSettings settings, string workspace, CancellationToken cancellationToken)
    {
        using var client = new HttpClient(new SocketsHttpHandler { AutomaticDecompression = DecompressionMethods.All })
        {
            // Each download has its own deadline (AdvisoryDownload); the client's would cut long archives short.
            Timeout = Timeout.InfiniteTimeSpan,
        };
        client.DefaultRequestHeaders.UserAgent.ParseAdd("berth-vulndb");
        var download = new AdvisoryDownload(client, settings.DownloadMaxBytes, settings.DownloadTimeout);

        var fetched = new Dictionary<string, Uri>(StringComparer.Ordinal);
        for (var i = 0; i < settings.AdvisorySources.Count; i++)
        {
            var source = settings.AdvisorySources[i];
            // The importer recognises archives and documents by extension, so the file keeps the URL's.
            var file = Path.Combine(workspace, $"{i:D3}{ExtensionOf(source)}");
            Console.Out.WriteLine($"fetching {source}");
            if (await download.FetchAsync(source, file, cancellationToken) is { } failure)
            {
                Console.Error.WriteLine($"berth vulndb update: {source}: {failure}");
                continue;
            }
            fetched[file] = source;
        }
        return fetched;
    }

    private static string ExtensionOf(Uri source) => Path.GetExtension(source.AbsolutePath).ToLowerInvariant() switch
    {
        ".json" => ".json",
        ".yaml" or ".yml" => ".yaml",
        _ => ".zip",
    };

    /// <summary>Messages name the URL, not the temporary file it was saved to (entries keep their <c>!/name</c> suffix).</summary>
    private static string Display(string path, Dictionary<string, Uri> fetched)
    {
        foreach (var (file, source) in fetched)
            if (path.StartsWith(file, StringComparison.Ordinal)) return source + path[file.Length..];
        return path;
    }
}
