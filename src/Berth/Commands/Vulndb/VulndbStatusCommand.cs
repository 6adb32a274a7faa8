using System.Globalization;
using Berth.Metadata.Sqlite;

namespace Berth.Commands.Vulndb;

/// <summary><c>berth vulndb status</c>: each feed imported, how many advisories it gave, when, and how long ago.</summary>
internal static class VulndbStatusCommand
{
    private static readonly string[] Options = ["--data", "--config"];

    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        if (!CommandArguments.TryParse(args, Options, out var arguments, out var error)) return VulndbCommand.Usage("status", error);
        if (arguments.Positionals.Count > 0) return VulndbCommand.Usage("status", $"unexpected argument '{arguments.Positionals[0]}'");
        if (!ScannerSettings.TryRead(arguments, out var settings, out error)) return VulndbCommand.Usage("status", error);

        using var interrupt = ConsoleInterrupt.Listen();
        var (database, openError) = await AdvisoryDatabase.OpenAsync(settings.DataDirectory, create: false, interrupt.Token);
        if (database is null) return VulndbCommand.Fail("status", openError!, VulndbCommand.NothingImported);

        var store = new SqliteAdvisoryStore(database);
        var sources = await store.ListSourcesAsync(interrupt.Token);
        var rows = await store.CountAsync(interrupt.Token);
        var now = DateTimeOffset.UtcNow;

        Console.Out.WriteLine($"database: {database.FilePath}");
        Console.Out.WriteLine($"rows: {rows} (advisory × package)");
        if (sources.Count == 0)
        {
            Console.Out.WriteLine("no advisories imported yet; run 'berth vulndb update' or 'berth vulndb import PATH'");
            return VulndbCommand.NothingImported;
        }

        var last = sources.Max(source => source.ImportedAt);
        Console.Out.WriteLine($"last import: {Timestamp(last)} ({Age(now - last)} ago)");
        string[] header = ["SOURCE", "ADVISORIES", "IMPORTED", "AGE", "URL"];
        var table = sources
            .OrderBy(source => source.Name, StringComparer.Ordinal)
            .Select(source => new[] { source.Name, source.ImportedCount.ToString(CultureInfo.InvariantCulture), Timestamp(source.ImportedAt), Age(now - source.ImportedAt), source.Url })
            .ToList();
        var widths = header.Select((title, column) => table.Select(row => row[column].Length).Append(title.Length).Max()).ToArray();
        foreach (var row in table.Prepend(header))
            Console.Out.WriteLine(string.Join("  ", row.Select((cell, column) => column == row.Length - 1 ? cell : cell.PadRight(widths[column]))).TrimEnd());
        return 0;
    }

    private static string Timestamp(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string Age(TimeSpan age) =>
        age < TimeSpan.FromMinutes(1) ? $"{Math.Max(0, (int)age.TotalSeconds)}s"
        : age < TimeSpan.FromHours(1) ? $"{(int)age.TotalMinutes}m"
        : age < TimeSpan.FromDays(2) ? $"{(int)age.TotalHours}h"
        : $"{(int)age.TotalDays}d";
}
