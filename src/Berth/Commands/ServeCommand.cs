using Berth.Api.Http;
using Berth.Api.ScannerAdapter;
using Berth.Composition;
using Berth.Configuration;
using Berth.Configuration.Tls;
using Berth.Jobs;
using Berth.Jobs.Scanning;
using Berth.Registry;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;

namespace Berth.Commands;

/// <summary><c>berth serve</c>: the registry on embedded storage until Ctrl-C or SIGTERM.</summary>
internal static partial class ServeCommand
{
    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        if (!ServeFlags.TryParse(args, out var flags, out var flagError)) return Fail(flagError);
        if (flags.ConfigFile is { } file && !File.Exists(file)) return Fail($"configuration file '{file}' does not exist");

        ReserveThreadsForBlockingIo();
        var builder = WebApplication.CreateSlimBuilder();
        var configuration = builder.Configuration;
        if (flags.ConfigFile is { } configFile) ConfigurationFile.Add(configuration, configFile);
        configuration.AddEnvironmentVariables("BERTH__");
        configuration.AddInMemoryCollection(flags.Overrides);

        if (!BerthSettings.TryRead(configuration, out var settings, out var settingsError)) return Fail(settingsError);
        if (!TlsSettings.TryRead(configuration, settings.Listen, out var tls, out var tlsError)) return Fail(tlsError);
        (ServingCertificate? Certificate, string? Error) servingCertificate = tls is null ? default : await ServingCertificateSetup.LoadAsync(builder.Services, tls);
        if (servingCertificate.Error is { } certificateError) return Fail(certificateError);

        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o => { o.SingleLine = true; o.TimestampFormat = "HH:mm:ss "; });
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);

        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            // Layers are routinely larger than Kestrel's 30 MB default; a monolithic PUT may carry gigabytes.
            kestrel.Limits.MaxRequestBodySize = null;
            kestrel.Listen(settings.Listen, listen => listen.Protocols = HttpProtocols.Http1);
            // The same app on both listeners: the apiserver reaches the admission webhook (and anyone the
            // registry) over HTTPS, with HTTP/2 offered through ALPN.
            if (tls is not null) ServingCertificateSetup.ListenTls(kestrel, tls);
        });
        builder.Services.AddBerthAccess(configuration, settings.DataDirectory);
        builder.Services.AddBerthPolicy(configuration);
        builder.Services.AddBerthRegistry(configuration, settings.DataDirectory);
        builder.Services.AddBerthJobs(configuration, settings.DataDirectory);
        builder.Services.AddBerthScannerAdapter(configuration);

        await using var app = builder.Build();
        var invalid = Invalid<RegistryOptions>(app.Services, RegistryOptions.Section, options => options.Validate())
            ?? Invalid<ScannerOptions>(app.Services, ScannerOptions.Section, options => options.Validate())
            ?? Invalid<ScannerAdapterOptions>(app.Services, ScannerAdapterOptions.Section, options => options.Validate())
            ?? AdmissionComposition.Invalid(app.Services);
        if (invalid is not null) return Fail(invalid);
        Directory.CreateDirectory(settings.DataDirectory);
        await app.Services.PrepareRegistryAsync(app.Lifetime.ApplicationStopping);
        await app.Services.PrepareAccessAsync(app.Lifetime.ApplicationStopping);
        app.Use(RequestId.InvokeAsync);
        app.MapBerthRegistry();
        app.MapBerthApi();
        app.MapBerthPolicyApi();
        app.MapBerthScannerAdapter();
        app.MapBerthAdmission();

        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Berth");
        foreach (var warning in servingCertificate.Certificate?.Warnings ?? []) ServingCertificateRotation.LogCertificateWarning(logger, warning);
        var addresses = tls is null ? $"http://{settings.Listen}" : $"http://{settings.Listen} and https://{tls.Listen}";
        app.Lifetime.ApplicationStarted.Register(() => LogListening(logger, addresses, settings.DataDirectory));
        try
        {
            await app.RunAsync();
        }
        catch (IOException e) when (e.InnerException is Microsoft.AspNetCore.Connections.AddressInUseException)
        {
            Console.Error.WriteLine($"berth serve: cannot listen on {(tls is null ? settings.Listen : $"{settings.Listen} or {tls.Listen}")}: the address is already in use");
            return 1;
        }
        LogStopped(logger);
        return 0;
    }

    /// <summary>
    /// fsync and SQLite calls block the thread that makes them. The pool starts with one thread per core
    /// and adds more only slowly, so on a 2-core machine four concurrent pushes would queue behind each
    /// other's fsync. Letting it grow at once to a few dozen threads keeps those waits in parallel.
    /// </summary>
    private static void ReserveThreadsForBlockingIo()
    {
        ThreadPool.GetMinThreads(out var workers, out var completionPorts);
        ThreadPool.SetMinThreads(Math.Max(workers, 32), completionPorts);
    }

    /// <summary>
    /// Binding happens on first use, so a value of the wrong type surfaces here as an exception; both it and
    /// the section's own checks become one message naming the key.
    /// </summary>
    private static string? Invalid<TOptions>(IServiceProvider services, string section, Func<TOptions, string?> validate)
        where TOptions : class
    {
        try
        {
            return validate(services.GetRequiredService<IOptions<TOptions>>().Value);
        }
        catch (InvalidOperationException e)
        {
            return $"configuration section '{section}' is invalid: {e.Message}";
        }
    }

    private static int Fail(string message)
    {
        Console.Error.WriteLine($"berth serve: {message}");
        return 2;
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Berth listening on {Address} (data in {DataDirectory})")]
    private static partial void LogListening(ILogger logger, string address, string dataDirectory);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Berth stopped")]
    private static partial void LogStopped(ILogger logger);
}
