using Berth.Commands;

// The berth executable: one verb per job. Only 'serve' exists so far; scan, vulndb and admin follow.
return args switch
{
    ["serve", .. var rest] => await ServeCommand.RunAsync(rest),
    [] or ["help" or "--help" or "-h", ..] => Usage.Print(Console.Out, 0),
    [var verb, ..] => Usage.Unknown(verb),
};
