using System.Diagnostics.CodeAnalysis;
using System.Net;
using System.Text.RegularExpressions;
using Berth.Bench.Registry;
using Berth.Bench.Scanning;

namespace Berth.Bench.Cli;

/// <summary>Turns the command line into <see cref="BenchOptions"/>, or says which arguments are wrong.</summary>
public static class OptionsParser
{
    private static readonly Regex RepositoryName = new(
        "^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*$",
        RegexOptions.CultureInvariant,
        TimeSpan.FromSeconds(1));

    public static bool TryParse(
        string[] args,
        [NotNullWhen(true)] out BenchOptions? options,
        [NotNullWhen(false)] out string? error)
    {
        options = null;
        var verbText = args.Length == 0 ? "help" : args[0];
        CommandVerb? verb = verbText switch
        {
            "run" => CommandVerb.Run,
            "compare" => CommandVerb.Compare,
            "compare-auth" => CommandVerb.CompareAuth,
            "list" => CommandVerb.List,
            "scan" => CommandVerb.Scan,
            "admission" => CommandVerb.Admission,
            "help" or "--help" or "-h" => CommandVerb.Help,
            _ => null,
        };
        if (verb is null)
        {
            error = $"unknown command '{verbText}': expected run, compare, compare-auth, list, scan or admission";
            return false;
        }

        var reader = OptionReader.FromArguments(args.AsSpan(1));
        var defaults = new BenchOptions { Verb = verb.Value };
        var loadAuth = reader.Text("--load-auth");
        var parsed = new BenchOptions
        {
            Verb = verb.Value,
            Url = reader.Text("--url") is { } url ? LoopbackUrl(reader, url) : null,
            BerthCommand = reader.Text("--berth"),
            DistributionBinary = reader.Text("--distribution") ?? defaults.DistributionBinary,
            Concurrency = reader.Integer("--concurrency", 1, 256) ?? defaults.Concurrency,
            Requests = reader.Integer("--requests", 1, 10_000_000),
            Tests = reader.Text("--tests") is { } pattern
                ? TestFilter(reader, pattern)
                : verb == CommandVerb.CompareAuth ? CompareAuthCommand.DefaultTests : null,
            Repository = reader.Text("--repo") is { } repo ? Repository(reader, repo) : defaults.Repository,
            Output = reader.Text("--output") is { } output ? Output(reader, output) : defaults.Output,
            Credentials = reader.Text("--user") is { } user ? Credentials(reader, user) : null,
            LoadAuth = loadAuth is null ? defaults.LoadAuth : ParseLoadAuth(reader, loadAuth),
            Runs = reader.Integer("--runs", 1, 25) ?? (verb == CommandVerb.Scan ? ScanBenchSettings.DefaultRuns : defaults.Runs),
            ChunkMiB = reader.Integer("--chunk-mib", 0, 1024) ?? defaults.ChunkMiB,
            Warmup = reader.Integer("--warmup", 0, 1000) ?? defaults.Warmup,
            MaxTestDuration = reader.Integer("--max-seconds", 1, 86_400) is { } max ? TimeSpan.FromSeconds(max) : defaults.MaxTestDuration,
            RequestTimeout = reader.Integer("--timeout-seconds", 1, 3_600) is { } timeout ? TimeSpan.FromSeconds(timeout) : defaults.RequestTimeout,
            Seed = reader.Unsigned("--seed") ?? defaults.Seed,
            WorkDirectory = reader.Text("--workdir") is { } dir ? ExistingDirectory(reader, dir) : null,
            Scan = ScanOptionsParser.Read(reader, verb == CommandVerb.Scan),
            AfterSetup = reader.Text("--after-setup"),
        };
        reader.RejectUnread();
        CheckVerbRequirements(reader, parsed);
        if (parsed.Verb == CommandVerb.CompareAuth)
        {
            CheckCompareAuth(reader, parsed, loadAuth);
        }

        if (reader.Errors.Count > 0)
        {
            error = string.Join(Environment.NewLine, reader.Errors);
            return false;
        }

        options = parsed;
        error = null;
        return true;
    }

    private static void CheckVerbRequirements(OptionReader reader, BenchOptions options)
    {
        if (options.Verb == CommandVerb.Run && options.Url is null)
        {
            reader.Errors.Add("run needs --url http://127.0.0.1:PORT");
        }

        if (options.Verb == CommandVerb.Admission && (options.Url is null || options.Credentials is null))
        {
            reader.Errors.Add("admission needs --url http://127.0.0.1:PORT of a running Berth and --user USER:PASSWORD of its administrator");
        }

        if (options.Verb == CommandVerb.Compare && string.IsNullOrWhiteSpace(options.BerthCommand))
        {
            reader.Errors.Add("compare needs --berth \"COMMAND\" (with {listen} and {data} placeholders)");
        }

        if (options.Verb == CommandVerb.Compare && options.Url is not null)
        {
            reader.Errors.Add("compare starts its own registries; drop --url");
        }
    }

    private static void CheckCompareAuth(OptionReader reader, BenchOptions options, string? loadAuth)
    {
        if (string.IsNullOrWhiteSpace(options.BerthCommand))
        {
            reader.Errors.Add("compare-auth needs --berth \"COMMAND\" (with {listen} and {data} placeholders)");
        }

        if (options.Url is not null)
        {
            reader.Errors.Add("compare-auth starts its own registries; drop --url");
        }

        if (loadAuth is not null)
        {
            reader.Errors.Add("compare-auth loads with every kind of auth in turn; drop --load-auth");
        }

        if (options.Credentials is null)
        {
            reader.Errors.Add("compare-auth needs --user USER:PASSWORD (Berth's, and Distribution's htpasswd entry)");
        }

        // Berth serves anonymous pulls only from public projects; a fresh Berth has one, "library".
        if (options.Repository != "library" && !options.Repository.StartsWith("library/", StringComparison.Ordinal))
        {
            reader.Errors.Add($"compare-auth needs --repo under library/ (the public project anonymous pulls read), got '{options.Repository}'");
        }
    }

    // All traffic stays on this machine: refuse anything but a loopback address.
    private static Uri? LoopbackUrl(OptionReader reader, string value)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out var parsed) || parsed.Scheme != Uri.UriSchemeHttp)
        {
            reader.Errors.Add($"--url must be an absolute http:// URL, got '{value}'");
            return null;
        }

        var loopback = parsed.IsLoopback
            || (IPAddress.TryParse(parsed.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
        if (!loopback)
        {
            reader.Errors.Add($"--url must point at a loopback address such as 127.0.0.1, got '{parsed.Host}'");
            return null;
        }

        return new Uri(parsed.GetLeftPart(UriPartial.Authority) + "/");
    }

    private static Regex? TestFilter(OptionReader reader, string pattern)
    {
        try
        {
            return new Regex(pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        }
        catch (ArgumentException e)
        {
            reader.Errors.Add($"--tests is not a valid regular expression: {e.Message}");
            return null;
        }
    }

    private static string Repository(OptionReader reader, string value)
    {
        if (!RepositoryName.IsMatch(value))
        {
            reader.Errors.Add($"--repo '{value}' is not a valid repository name (lowercase components separated by '/')");
        }

        return value;
    }

    private static OutputFormat Output(OptionReader reader, string value)
    {
        switch (value)
        {
            case "table":
                return OutputFormat.Table;
            case "json":
                return OutputFormat.Json;
            default:
                reader.Errors.Add($"--output must be table or json, got '{value}'");
                return OutputFormat.Table;
        }
    }

    private static LoadAuth ParseLoadAuth(OptionReader reader, string value)
    {
        switch (value)
        {
            case "anonymous":
                return LoadAuth.Anonymous;
            case "basic":
                return LoadAuth.Basic;
            case "bearer":
                return LoadAuth.Bearer;
            default:
                reader.Errors.Add($"--load-auth must be anonymous, basic or bearer, got '{value}'");
                return LoadAuth.Basic;
        }
    }

    private static string? Credentials(OptionReader reader, string value)
    {
        if (value.IndexOf(':', StringComparison.Ordinal) <= 0)
        {
            reader.Errors.Add("--user must be USER:PASSWORD");
            return null;
        }

        return value;
    }

    private static string? ExistingDirectory(OptionReader reader, string value)
    {
        if (!Directory.Exists(value))
        {
            reader.Errors.Add($"--workdir '{value}' does not exist");
            return null;
        }

        return value;
    }
}
