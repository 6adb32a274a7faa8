namespace Berth.Commands.Admin;

/// <summary><c>berth admin SUBCOMMAND …</c>: operator tasks that run without a server.</summary>
internal static class AdminCommand
{
    public const int Done = 0;
    public const int Failed = 1;
    public const int UsageError = 2;

    /// <summary>One line per subcommand; the first word after <c>admin</c> picks the line.</summary>
    private static readonly AdminSubcommand[] Subcommands =
    [
        new("webhook-cert", "make a CA and the admission webhook's serving certificate", WebhookCertCommand.RunAsync),
        new("admission", "admission rules: export-vap writes them as a ValidatingAdmissionPolicy", AdmissionCommand.RunAsync),
    ];

    public static async Task<int> RunAsync(string[] args)
    {
        if (args is [] or ["help" or "--help" or "-h"])
        {
            Console.Error.WriteLine("usage: berth admin SUBCOMMAND [options]");
            foreach (var subcommand in Subcommands) Console.Error.WriteLine($"  {subcommand.Name,-16} {subcommand.Summary}");
            return args is [] ? UsageError : Done;
        }
        var chosen = Array.Find(Subcommands, s => s.Name == args[0]);
        if (chosen is null)
            return Usage("", $"unknown subcommand '{args[0]}'; expected {string.Join(", ", Subcommands.Select(s => s.Name))}");
        return await chosen.RunAsync(args[1..]);
    }

    public static int Usage(string subcommand, string message)
    {
        Console.Error.WriteLine($"berth admin{(subcommand.Length > 0 ? " " + subcommand : "")}: {message} (see 'berth help')");
        return UsageError;
    }

    public static int Fail(string subcommand, string message)
    {
        Console.Error.WriteLine($"berth admin {subcommand}: {message}");
        return Failed;
    }
}
