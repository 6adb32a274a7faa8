using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Berth.Metadata.Scanners;
using Berth.Scanning.Reports.Formats;

namespace Berth.Jobs.External;

/// <summary>
/// Talks to a registered scanner adapter (Harbor's Pluggable Scanner API): metadata, scan requests and report polls,
/// with the registration's authentication, the spec's 1.0/1.1 media types, and bounded response bodies.
/// </summary>
public sealed class ScannerAdapterClient : IScannerAdapterProbe
{
    private const string MetadataAccept = "application/vnd.scanner.adapter.metadata+json; version=1.1, application/vnd.scanner.adapter.metadata+json; version=1.0";
    private const string ScanRequestType = "application/vnd.scanner.adapter.scan.request+json; version=1.1";
    public const string Report11 = HarborVulnerabilityReport.ReportMediaType;
    public const string Report10 = HarborVulnerabilityReport.LegacyReportMediaType;

    // Reports of large images run to megabytes; anything past this is not a report Berth will store.
    private const int MaxReportBytes = 64 * 1024 * 1024;
    private const int MaxSmallBytes = 1024 * 1024;
    private static readonly TimeSpan DefaultRefresh = TimeSpan.FromSeconds(5);

    private readonly HttpClient _verified = Create(skipCertificateCheck: false);
    private readonly HttpClient _unverified = Create(skipCertificateCheck: true);

    public async Task<(string? MetadataJson, string? Error)> GetMetadataAsync(ScannerRegistrationRecord registration, CancellationToken cancellationToken)
    {
        try
        {
            using var request = Request(registration, HttpMethod.Get, "metadata");
            request.Headers.TryAddWithoutValidation("Accept", MetadataAccept);
            using var response = await Client(registration).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            var body = await ReadAsync(response, MaxSmallBytes, cancellationToken);
            if (response.StatusCode != HttpStatusCode.OK) return (null, $"the adapter at {registration.Url} answered {(int)response.StatusCode}: {Message(body)}");
            if (body is null || JsonNode.Parse(body) is not JsonObject metadata || metadata["scanner"] is not JsonObject)
                return (null, $"the adapter at {registration.Url} sent no scanner metadata");
            return (body, null);
        }
        catch (Exception e) when (e is HttpRequestException or JsonException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return (null, $"the adapter at {registration.Url} could not be read: {e.Message}");
        }
    }

    /// <summary>Sends a ScanRequest; the scan request id, or the error.</summary>
    public async Task<(string? Id, string? Error)> RequestScanAsync(ScannerRegistrationRecord registration, JsonObject scanRequest, CancellationToken cancellationToken)
    {
        using var request = Request(registration, HttpMethod.Post, "scan");
        request.Content = new StringContent(scanRequest.ToJsonString(), Encoding.UTF8);
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(ScanRequestType);
        using var response = await Client(registration).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        var body = await ReadAsync(response, MaxSmallBytes, cancellationToken);
        if (response.StatusCode != HttpStatusCode.Accepted) return (null, $"the adapter refused the scan request ({(int)response.StatusCode}): {Message(body)}");
        try
        {
            return JsonNode.Parse(body ?? "")?["id"]?.GetValue<string>() is { Length: > 0 } id ? (id, null) : (null, "the adapter's scan response has no id");
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            return (null, "the adapter's scan response is not JSON");
        }
    }

    /// <summary>One poll of the report: 200 is the report, 302 a wait (Refresh-After, or Retry-After), anything else a failure.</summary>
    public async Task<AdapterReport> GetReportAsync(ScannerRegistrationRecord registration, string id, string mediaType, CancellationToken cancellationToken)
    {
        using var request = Request(registration, HttpMethod.Get, $"scan/{Uri.EscapeDataString(id)}/report");
        request.Headers.TryAddWithoutValidation("Accept", mediaType);
        using var response = await Client(registration).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (response.StatusCode == HttpStatusCode.Found) return AdapterReport.Wait(RefreshAfter(response));
        var body = await ReadAsync(response, MaxReportBytes, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotImplemented) return AdapterReport.Failed($"501 for {mediaType}");
        if (response.StatusCode != HttpStatusCode.OK) return AdapterReport.Failed($"the adapter's report answered {(int)response.StatusCode}: {Message(body)}");
        if (body is null) return AdapterReport.Failed($"the adapter's report is larger than {MaxReportBytes} bytes");
        try
        {
            return JsonNode.Parse(body) is JsonObject report && report["vulnerabilities"] is null or JsonArray
                ? AdapterReport.Ready(report, mediaType)
                : AdapterReport.Failed("the adapter's report is not a Harbor vulnerability report");
        }
        catch (JsonException)
        {
            return AdapterReport.Failed("the adapter's report is not JSON");
        }
    }

    private static TimeSpan RefreshAfter(HttpResponseMessage response)
    {
        foreach (var name in new[] { "Refresh-After", "Retry-After" })
            if (response.Headers.TryGetValues(name, out var values)
                && int.TryParse(values.FirstOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds > 0)
                return TimeSpan.FromSeconds(seconds);
        return DefaultRefresh;
    }

    private static HttpRequestMessage Request(ScannerRegistrationRecord registration, HttpMethod method, string path)
    {
        var request = new HttpRequestMessage(method, $"{registration.Url.TrimEnd('/')}/api/v1/{path}");
        var credential = registration.AccessCredential;
        switch (registration.Auth)
        {
            case "Basic":
                request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(credential)));
                break;
            case "Bearer":
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", credential);
                break;
            case "X-ScannerAdapter-API-Key":
                request.Headers.TryAddWithoutValidation("X-ScannerAdapter-API-Key", credential);
                break;
        }
        return request;
    }

    private HttpClient Client(ScannerRegistrationRecord registration) => registration.SkipCertVerify ? _unverified : _verified;

    /// <summary>The body as text when it is at most <paramref name="limit"/> bytes, else null.</summary>
    private static async Task<string?> ReadAsync(HttpResponseMessage response, int limit, CancellationToken cancellationToken)
    {
        if (response.Content.Headers.ContentLength > limit) return null;
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit) return null;
            buffer.Write(chunk, 0, read);
        }
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>The spec's error message, or the body's start.</summary>
    private static string Message(string? body)
    {
        if (string.IsNullOrEmpty(body)) return "no details";
        try
        {
            if (JsonNode.Parse(body)?["error"]?["message"]?.GetValue<string>() is { } message) return message;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
        }
        return body.Length > 200 ? body[..200] : body;
    }

    private static HttpClient Create(bool skipCertificateCheck)
    {
        var handler = new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5), ConnectTimeout = TimeSpan.FromSeconds(30), AllowAutoRedirect = false };
        // Only for registrations that ask for it (skip_certVerify), as Harbor allows for adapters with self-signed certificates.
        if (skipCertificateCheck) handler.SslOptions.RemoteCertificateValidationCallback = (_, _, _, _) => true;
        return new HttpClient(handler) { Timeout = TimeSpan.FromMinutes(2) };
    }
}
