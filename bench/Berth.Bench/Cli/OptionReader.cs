using System.Globalization;

namespace Berth.Bench.Cli;

/// <summary>
/// The "--name value" pairs of a command line, read one by one. Problems are collected rather than
/// thrown, so a user sees every wrong argument at once.
/// </summary>
public sealed class OptionReader
{
    private readonly Dictionary<string, string> values = new(StringComparer.Ordinal);
    private readonly HashSet<string> read = new(StringComparer.Ordinal);

    private OptionReader()
    {
    }

    public List<string> Errors { get; } = [];

    public static OptionReader FromArguments(ReadOnlySpan<string> arguments)
    {
        var reader = new OptionReader();
        for (var i = 0; i < arguments.Length; i++)
        {
            var argument = arguments[i];
            if (!argument.StartsWith("--", StringComparison.Ordinal))
            {
                reader.Errors.Add($"unexpected argument '{argument}'");
                continue;
            }

            var equals = argument.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0)
            {
                reader.values[argument[..equals]] = argument[(equals + 1)..];
            }
            else if (i + 1 < arguments.Length)
            {
                reader.values[argument] = arguments[++i];
            }
            else
            {
                reader.Errors.Add($"option {argument} needs a value");
            }
        }

        return reader;
    }

    public string? Text(string name)
    {
        read.Add(name);
        return values.GetValueOrDefault(name);
    }

    public int? Integer(string name, int min, int max)
    {
        if (Text(name) is not { } text)
        {
            return null;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= min && number <= max)
        {
            return number;
        }

        Errors.Add($"{name} must be an integer from {min} to {max}, got '{text}'");
        return null;
    }

    public ulong? Unsigned(string name)
    {
        if (Text(name) is not { } text)
        {
            return null;
        }

        if (ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            return number;
        }

        Errors.Add($"{name} must be a non-negative integer, got '{text}'");
        return null;
    }

    /// <summary>Reports options nobody asked for: most likely typos.</summary>
    public void RejectUnread()
    {
        foreach (var name in values.Keys.Where(name => !read.Contains(name)).Order(StringComparer.Ordinal))
        {
            Errors.Add($"unknown option '{name}'");
        }
    }
}
