using Berth.Bench.Admission;
using Berth.Bench.Cli;
using Berth.Bench.Scanning;
using Berth.Bench.Servers;

// Entry point: parse the verb and its options, then hand over to the command. Ctrl+C cancels the
// token so that `compare` and `compare-auth` still stop the registries they started and delete their data.
using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};

if (!OptionsParser.TryParse(args, out var options, out var error))
{
    Console.Error.WriteLine(error);
    Console.Error.WriteLine();
    Console.Error.WriteLine(Usage.Text);
    return 2;
}

try
{
    return options.Verb switch
    {
        CommandVerb.Run => await RunCommand.ExecuteAsync(options, cancellation.Token),
        CommandVerb.Compare => await CompareCommand.ExecuteAsync(options, cancellation.Token),
        CommandVerb.CompareAuth => await CompareAuthCommand.ExecuteAsync(options, cancellation.Token),
        CommandVerb.List => ListCommand.Execute(),
        CommandVerb.Scan => await ScanCommand.ExecuteAsync(options, cancellation.Token),
        CommandVerb.Admission => await AdmissionCommand.ExecuteAsync(options, cancellation.Token),
        _ => Help(),
    };
}
catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
{
    Console.Error.WriteLine("cancelled");
    return 130;
}
catch (RegistryStartException e)
{
    Console.Error.WriteLine(e.Message);
    return 3;
}

static int Help()
{
    Console.WriteLine(Usage.Text);
    return 0;
}
