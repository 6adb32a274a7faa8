using System.Text.Json.Nodes;
using Berth.Access.Tokens;
using Berth.Core;
using Berth.Metadata;
using Berth.Metadata.Access;
using Berth.Metadata.Scanners;
using Berth.Metadata.Scans;
using Berth.Policy;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Berth.Jobs.External;

/// <summary>
/// Scans with the external scanner a project (or the system default) chose, when it is not Berth's own: sends the
/// adapter a ScanRequest naming Berth's registry with a short-lived pull token for the one repository, polls the
/// report honouring Refresh-After (capped), and stores the Harbor report with its summary as the artifact's report.
/// </summary>
public sealed partial class ExternalScans(
    IScannerRegistrationStore registrations,
    IExternalScanReportStore externalReports,
    IScanReportStore reports,
    IProjectStore projects,
    IRegistryMetadata registry,
    ScannerAdapterClient client,
    TokenService tokens,
    PolicyRevision policyRevision,
    IOptions<ExternalScanOptions> options,
    TimeProvider clock,
    ILogger<ExternalScans> logger)
{
    /// <summary>
    /// Runs the claimed scan at the external scanner when one is chosen for its project, and ends the report as
    /// Success or Error; false when Berth's built-in scanner is the one to use.
    /// </summary>
    public async Task<bool> TryScanAsync(ScanReportRecord claimed, CancellationToken stoppingToken)
    {
        ScannerRegistrationRecord? registration = null;
        string error;
        try
        {
            (registration, var refusal) = await ChosenAsync(claimed, stoppingToken);
            if (registration is null && refusal is null) return false;
            error = refusal ?? await ScanAsync(registration!, claimed, stoppingToken) ?? "";
            if (error.Length == 0) return true;
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e)
        {
            // An unreachable adapter or a broken answer fails this scan, not the worker.
            error = $"the external scanner {registration?.Name} failed: {e.Message}";
        }
        LogFailed(logger, claimed.Repository, claimed.Digest, error);
        await reports.FailAsync(claimed.ReportId, error, clock.GetUtcNow(), CancellationToken.None);
        policyRevision.Advance();
        return true;
    }

    /// <summary>The external registration to use, none (built-in), or why the chosen one cannot be used.</summary>
    private async Task<(ScannerRegistrationRecord? Registration, string? Refusal)> ChosenAsync(ScanReportRecord claimed, CancellationToken cancellationToken)
    {
        var projectId = claimed.ProjectId ?? (await projects.FindAsync(ProjectName.Of(claimed.Repository), cancellationToken))?.Id;
        var uuid = projectId is { } id ? await registrations.FindProjectChoiceAsync(id, cancellationToken) : null;
        var registration = uuid is null
            ? (await registrations.ListAsync(cancellationToken)).FirstOrDefault(r => r.IsDefault)
            : uuid == ScannerRegistrationRecord.BuiltInUuid ? null : await registrations.FindAsync(uuid, cancellationToken);
        if (registration is { Disabled: true }) return (null, $"the scanner {registration.Name} chosen for this project is disabled");
        return (registration, null);
    }

    /// <summary>Null when the report was stored; otherwise the error.</summary>
    private async Task<string?> ScanAsync(ScannerRegistrationRecord registration, ScanReportRecord claimed, CancellationToken stoppingToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        timeout.CancelAfter(options.Value.Timeout);
        var cancellationToken = timeout.Token;
        var manifest = await registry.FindManifestAsync(claimed.Repository, claimed.Digest, cancellationToken);
        if (manifest is null) return $"{claimed.Repository}@{claimed.Digest} is no longer in the registry";

        LogSending(logger, claimed.Repository, claimed.Digest, registration.Name);
        // The adapter pulls this one repository and nothing else, for no longer than a token lives.
        var token = tokens.Issue($"robot$scanner-{registration.Name}",
            [new AccessEntry(AccessEntry.RepositoryType, claimed.Repository, ["pull", "scanner-pull"])]);
        var request = new JsonObject
        {
            ["registry"] = new JsonObject { ["url"] = options.Value.RegistryUrl, ["authorization"] = $"Bearer {token.Token}" },
            ["artifact"] = new JsonObject { ["repository"] = claimed.Repository, ["digest"] = claimed.Digest, ["mime_type"] = manifest.MediaType },
            ["enabled_capabilities"] = new JsonArray(new JsonObject
            {
                ["type"] = "vulnerability",
                ["produces_mime_types"] = new JsonArray(ScannerAdapterClient.Report11, ScannerAdapterClient.Report10),
            }),
        };
        try
        {
            var (id, refused) = await client.RequestScanAsync(registration, request, cancellationToken);
            if (id is null) return refused;
            var mediaType = ScannerAdapterClient.Report11;
            while (true)
            {
                var poll = await client.GetReportAsync(registration, id, mediaType, cancellationToken);
                if (poll.RetryAfter is { } wait)
                {
                    await Task.Delay(wait < options.Value.MaxRefreshAfter ? wait : options.Value.MaxRefreshAfter, clock, cancellationToken);
                    continue;
                }
                // An adapter that writes only the legacy type answers 501 for 1.1.
                if (poll.Error is { } error && error.StartsWith("501", StringComparison.Ordinal) && mediaType == ScannerAdapterClient.Report11)
                {
                    mediaType = ScannerAdapterClient.Report10;
                    continue;
                }
                if (poll.Report is not { } report) return $"the external scanner {registration.Name} failed: {poll.Error}";
                await StoreAsync(registration, claimed, report, poll.MediaType!);
                return null;
            }
        }
        catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
        {
            return $"the external scanner {registration.Name} gave no report within {options.Value.Timeout}";
        }
    }

    private async Task StoreAsync(ScannerRegistrationRecord registration, ScanReportRecord claimed, JsonObject report, string mediaType)
    {
        var summary = HarborReportCounts.Of(report);
        var scanner = report["scanner"] as JsonObject;
        var name = Text(scanner?["name"]) ?? registration.Name;
        var version = Text(scanner?["version"]) ?? "";
        // The report was parsed for this call alone and is read no more: it is wrapped as it is, not copied.
        var stored = await externalReports.CompleteAsync(claimed.ReportId, name, version, summary,
            ExternalReportDocument.Wrap(mediaType, report), clock.GetUtcNow(), CancellationToken.None);
        policyRevision.Advance();
        LogFinished(logger, claimed.Repository, claimed.Digest, registration.Name, summary.Total, stored);
    }

    private static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) && text.Length > 0 ? text : null;

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "scanning {Repository}@{Digest} with the external scanner {Scanner}")]
    private static partial void LogSending(ILogger logger, string repository, string digest, string scanner);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "{Scanner} scanned {Repository}@{Digest}: {Total} vulnerabilities (stored: {Stored})")]
    private static partial void LogFinished(ILogger logger, string repository, string digest, string scanner, int total, bool stored);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "external scan of {Repository}@{Digest} failed: {Error}")]
    private static partial void LogFailed(ILogger logger, string repository, string digest, string error);
}
