namespace Berth.Configuration;

/// <summary>The flags of <c>berth serve</c>, as configuration keys that override file and environment.</summary>
internal sealed record ServeFlags(string? ConfigFile, IReadOnlyDictionary<string, string?> Overrides)
{
    public static bool TryParse(IReadOnlyList<string> args, out ServeFlags flags, out string error)
    {
        flags = new ServeFlags(null, new Dictionary<string, string?>());
        error = "";
        string? configFile = null;
        var overrides = new Dictionary<string, string?>();
        for (var i = 0; i < args.Count; i++)
        {
            var (name, inlineValue) = Split(args[i]);
            var key = name switch
            {
                "--listen" => BerthSettings.ListenKey,
                "--data" => BerthSettings.DataDirectoryKey,
                "--config" => "config",
                _ => null,
            };
            if (key is null)
            {
                error = $"unknown option '{args[i]}'";
                return false;
            }
            var value = inlineValue ?? (i + 1 < args.Count ? args[++i] : null);
            if (string.IsNullOrEmpty(value))
            {
                error = $"option '{name}' needs a value";
                return false;
            }
            if (key == "config") configFile = value;
            else overrides[key] = value;
        }
        flags = new ServeFlags(configFile, overrides);
        return true;
    }

    private static (string Name, string? Value) Split(string arg)
    {
        var equals = arg.IndexOf('=');
        return equals > 0 ? (arg[..equals], arg[(equals + 1)..]) : (arg, null);
    }
}
