namespace Berth.Configuration;

/// <summary>
/// The one configuration file every command takes (<c>--config</c>, YAML or JSON by its extension), under the
/// <c>BERTH__</c> environment variables, read the same way by <c>serve</c> and the offline commands.
/// </summary>
internal static class ConfigurationFile
{
    /// <summary>Adds the file to <paramref name="builder"/>: JSON when it ends in .json, YAML otherwise.</summary>
    public static void Add(IConfigurationBuilder builder, string file)
    {
        var full = Path.GetFullPath(file);
        if (full.EndsWith(".json", StringComparison.OrdinalIgnoreCase)) builder.AddJsonFile(full, optional: false);
        else builder.Add(new YamlConfigurationSource(full));
    }

    /// <summary>
    /// The file (if any), then the environment, then <paramref name="overrides"/>; false with a message naming the
    /// file when it is missing or cannot be parsed.
    /// </summary>
    public static bool TryBuild(
        string? file, IEnumerable<KeyValuePair<string, string?>>? overrides, out IConfiguration configuration, out string error)
    {
        configuration = null!;
        error = "";
        if (file is not null && !File.Exists(file))
        {
            error = $"configuration file '{file}' does not exist";
            return false;
        }
        var builder = new ConfigurationBuilder();
        if (file is not null) Add(builder, file);
        builder.AddEnvironmentVariables("BERTH__");
        if (overrides is not null) builder.AddInMemoryCollection(overrides);
        try
        {
            configuration = builder.Build();
            return true;
        }
        catch (Exception e) when (e is FormatException or InvalidDataException or YamlDotNet.Core.YamlException)
        {
            error = $"configuration file '{file}' cannot be read: {e.Message}";
            return false;
        }
    }
}
