using Berth.Commands;
using Berth.Commands.Admin;
using Berth.Commands.Scan;
using Berth.Commands.Vulndb;

// The berth executable: one verb per job.
return args switch
{
    ["serve", .. var rest] => await ServeCommand.RunAsync(rest),
    ["scan", .. var rest] => await ScanCommand.RunAsync(rest),
    ["vulndb", .. var rest] => await VulndbCommand.RunAsync(rest),
    ["admin", .. var rest] => await AdminCommand.RunAsync(rest),
    [] or ["help" or "--help" or "-h", ..] => Usage.Print(Console.Out, 0),
    [var verb, ..] => Usage.Unknown(verb),
};
