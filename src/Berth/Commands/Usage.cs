namespace Berth.Commands;

/// <summary>The command-line help text.</summary>
internal static class Usage
{
    public const string Text = """
        berth — a private container registry

        usage:
          berth serve [--listen HOST:PORT] [--data DIR] [--config FILE]

        serve   run the registry with embedded storage (SQLite metadata, filesystem blobs)
          --listen HOST:PORT   address to listen on (default 0.0.0.0:5000; key Server:Listen)
          --data DIR           data directory (default ./berth-data; key Storage:DataDirectory)
          --config FILE        configuration file, YAML or JSON

        Any configuration key can also be set as an environment variable BERTH__Section__Key,
        for example BERTH__Registry__UploadExpiry=01:00:00.
        """;

    public static int Print(TextWriter writer, int exitCode)
    {
        writer.WriteLine(Text);
        return exitCode;
    }

    public static int Unknown(string verb)
    {
        Console.Error.WriteLine($"berth: unknown command '{verb}'");
        return Print(Console.Error, 2);
    }
}
