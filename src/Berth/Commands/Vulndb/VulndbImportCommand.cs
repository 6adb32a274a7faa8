using Berth.Metadata.Sqlite;
using Berth.Scanning.Advisories.Importers;

namespace Berth.Commands.Vulndb;

/// <summary><c>berth vulndb import PATH…</c>: advisory files, folders and zip archives into the data directory's database.</summary>
internal static class VulndbImportCommand
{
    private static readonly string[] Options = ["--data", "--config"];

    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        if (!CommandArguments.TryParse(args, Options, out var arguments, out var error)) return VulndbCommand.Usage("import", error);
        if (arguments.Positionals.Count == 0) return VulndbCommand.Usage("import", "name at least one file, folder or zip archive to import");
        if (!ScannerSettings.TryRead(arguments, out var settings, out error)) return VulndbCommand.Usage("import", error);

        using var interrupt = ConsoleInterrupt.Listen();
        var (database, openError) = await AdvisoryDatabase.OpenAsync(settings.DataDirectory, create: true, interrupt.Token);
        if (database is null) return VulndbCommand.Fail("import", openError!);

        var importer = new AdvisoryImporter(new SqliteAdvisoryStore(database));
        var result = await importer.ImportAsync([.. arguments.Positionals.Select(Path.GetFullPath)], interrupt.Token);
        ImportSummary.Print(result, "import", path => path, Console.Out, Console.Error);
        return result.Documents > 0 ? VulndbCommand.Imported : VulndbCommand.NothingImported;
    }
}
