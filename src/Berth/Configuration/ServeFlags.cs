using Berth.Commands;

namespace Berth.Configuration;

/// <summary>The flags of <c>berth serve</c>, as configuration keys that override file and environment.</summary>
internal sealed record ServeFlags(string? ConfigFile, IReadOnlyDictionary<string, string?> Overrides)
{
    public static bool TryParse(IReadOnlyList<string> args, out ServeFlags flags, out string error)
    {
        flags = new ServeFlags(null, new Dictionary<string, string?>());
        if (!CommandArguments.TryParse(args, ["--listen", "--data", "--config"], out var arguments, out error)) return false;
        if (arguments.Positionals.Count > 0)
        {
            error = $"unexpected argument '{arguments.Positionals[0]}'; serve takes only --listen, --data and --config";
            return false;
        }
        var overrides = new Dictionary<string, string?>();
        if (arguments.Value("--listen") is { } listen) overrides[BerthSettings.ListenKey] = listen;
        if (arguments.Value("--data") is { } data) overrides[BerthSettings.DataDirectoryKey] = data;
        flags = new ServeFlags(arguments.Value("--config"), overrides);
        return true;
    }
}
