using Berth.Commands;
using Berth.Commands.Scan;
using Berth.Commands.Vulndb;

// The berth executable: one verb per job. admin follows.
return args switch
{
    ["serve", .. var rest] => await ServeCommand.RunAsync(rest),
    ["scan", .. var rest] => await ScanCommand.RunAsync(rest),
    ["vulndb", .. var rest] => await VulndbCommand.RunAsync(rest),
    ["admin", "admission", .. var rest] => await Berth.Commands.Admin.AdmissionCommand.RunAsync(rest),
    [] or ["help" or "--help" or "-h", ..] => Usage.Print(Console.Out, 0),
    [var verb, ..] => Usage.Unknown(verb),
};
