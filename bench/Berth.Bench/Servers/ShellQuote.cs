namespace Berth.Bench.Servers;

/// <summary>Quotes a word for /bin/sh, so temp paths with odd characters stay one argument.</summary>
public static class ShellQuote
{
    public static string Word(string value) => "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
