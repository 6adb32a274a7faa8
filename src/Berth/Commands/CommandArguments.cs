namespace Berth.Commands;

/// <summary>
/// The arguments of one verb split into positionals and options. Every option takes a value, given as
/// <c>--name value</c> or <c>--name=value</c>; an option may repeat, its values kept in order.
/// </summary>
internal sealed class CommandArguments
{
    private readonly Dictionary<string, List<string>> _options;

    private CommandArguments(IReadOnlyList<string> positionals, Dictionary<string, List<string>> options)
    {
        Positionals = positionals;
        _options = options;
    }

    public IReadOnlyList<string> Positionals { get; }

    /// <summary>The last value given for <paramref name="name"/>, or null when the option is absent.</summary>
    public string? Value(string name) => _options.TryGetValue(name, out var values) ? values[^1] : null;

    public IReadOnlyList<string> Values(string name) => _options.TryGetValue(name, out var values) ? values : [];

    /// <param name="known">The options this verb accepts, with their leading dashes.</param>
    public static bool TryParse(IReadOnlyList<string> args, IReadOnlyCollection<string> known, out CommandArguments arguments, out string error)
    {
        arguments = new CommandArguments([], []);
        error = "";
        var positionals = new List<string>();
        var options = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var onlyPositionals = false;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (onlyPositionals || !arg.StartsWith('-') || arg == "-")
            {
                positionals.Add(arg);
                continue;
            }
            if (arg == "--")
            {
                onlyPositionals = true;
                continue;
            }
            var equals = arg.IndexOf('=');
            var name = equals > 0 ? arg[..equals] : arg;
            if (!known.Contains(name))
            {
                error = $"unknown option '{name}'";
                return false;
            }
            var value = equals > 0 ? arg[(equals + 1)..] : i + 1 < args.Count ? args[++i] : null;
            if (string.IsNullOrEmpty(value))
            {
                error = $"option '{name}' needs a value";
                return false;
            }
            if (!options.TryGetValue(name, out var values)) options[name] = values = [];
            values.Add(value);
        }
        arguments = new CommandArguments(positionals, options);
        return true;
    }
}
