namespace Berth.Commands.Vulndb;

/// <summary><c>berth vulndb import|update|status</c>: the advisory database the scanner matches against.</summary>
internal static class VulndbCommand
{
    /// <summary>Something was imported (or, for status, there is something to show).</summary>
    public const int Imported = 0;

    /// <summary>Every input failed, or the database holds nothing.</summary>
    public const int NothingImported = 1;

    public const int UsageError = 2;

    /// <summary>Interrupted with Ctrl-C, as shells report SIGINT.</summary>
    public const int Interrupted = 130;

    public static async Task<int> RunAsync(string[] args)
    {
        try
        {
            return args switch
            {
                ["import", .. var rest] => await VulndbImportCommand.RunAsync(rest),
                ["update", .. var rest] => await VulndbUpdateCommand.RunAsync(rest),
                ["status", .. var rest] => await VulndbStatusCommand.RunAsync(rest),
                [] => Usage("", "name a subcommand: import, update or status"),
                [var other, ..] => Usage("", $"unknown subcommand '{other}'; expected import, update or status"),
            };
        }
        catch (OperationCanceledException)
        {
            Console.Error.WriteLine("berth vulndb: interrupted");
            return Interrupted;
        }
    }

    public static int Usage(string subcommand, string message)
    {
        Console.Error.WriteLine($"berth vulndb{(subcommand.Length > 0 ? " " + subcommand : "")}: {message} (see 'berth help')");
        return UsageError;
    }

    public static int Fail(string subcommand, string message, int exitCode = NothingImported)
    {
        Console.Error.WriteLine($"berth vulndb {subcommand}: {message}");
        return exitCode;
    }
}
