using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Berth.Bench.Cli;
using Berth.Bench.Registry;
using Berth.Bench.Running;

namespace Berth.Bench.Admission;

/// <summary>
/// `admission`: the decision latency of <c>POST /admission/validate</c> for a Pod with five images, against a running
/// Berth. After setup it checks that the review is allowed and that an unsigned image is refused (so the policy
/// really runs), then posts the same review <c>--requests</c> times from <c>--concurrency</c> workers after
/// <c>--warmup</c> rounds. Whether the verdict cache helps is the server's setting (<c>Admission:CacheCapacity: 0</c>
/// turns it off); bench/admission.sh starts Berth both ways.
/// </summary>
public static class AdmissionCommand
{
    public const int DefaultRequests = 2000;

    public static async Task<int> ExecuteAsync(BenchOptions options, CancellationToken cancellationToken)
    {
        using var http = LoopbackHttpClient.Create(options.Concurrency, options.Credentials);
        http.Timeout = options.RequestTimeout;
        var (signed, unsigned) = await new AdmissionSetup(http, options.Url!, options.RequestTimeout).PrepareAsync(cancellationToken);
        var review = Encoding.UTF8.GetBytes(Review(signed));
        var validate = new Uri(options.Url!, "admission/validate?timeout=5s");

        var (allowed, answer) = await PostAsync(http, validate, review, cancellationToken);
        if (allowed != true)
        {
            Console.Error.WriteLine($"the review of five signed images was not allowed: {answer}");
            return 1;
        }
        var (refused, refusal) = await PostAsync(http, validate, Encoding.UTF8.GetBytes(Review([unsigned])), cancellationToken);
        if (refused != false || !refusal.Contains("not signed by cosign", StringComparison.Ordinal))
        {
            Console.Error.WriteLine($"an unsigned image was not refused for its missing signature: {refusal}");
            return 1;
        }

        for (var i = 0; i < options.Warmup * 50; i++) await PostAsync(http, validate, review, cancellationToken);
        var requests = options.Requests ?? DefaultRequests;
        var samples = new LatencySamples(requests);
        var next = -1;
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, options.Concurrency).Select(_ => Task.Run(async () =>
        {
            int iteration;
            while ((iteration = Interlocked.Increment(ref next)) < requests)
            {
                var started = Stopwatch.GetTimestamp();
                var (ok, body) = await PostAsync(http, validate, review, cancellationToken);
                samples.Record(iteration, Stopwatch.GetTimestamp() - started, new IterationOutcome(ok == true, 0, ok == true ? null : body));
            }
        }, cancellationToken)).ToList();
        await Task.WhenAll(workers);
        clock.Stop();

        var summary = samples.Summarize();
        var perSecond = summary.Ok / clock.Elapsed.TotalSeconds;
        Console.WriteLine(options.Output == OutputFormat.Json
            ? JsonSerializer.Serialize(new { requests, concurrency = options.Concurrency, ok = summary.Ok, failed = summary.Failed, p50_ms = summary.P50Ms, p99_ms = summary.P99Ms, requests_per_second = perSecond })
            : $"admission: {summary.Ok} ok, {summary.Failed} failed, concurrency {options.Concurrency}: p50 {summary.P50Ms:0.000} ms, p99 {summary.P99Ms:0.000} ms, {perSecond:0} req/s");
        if (summary.FirstError is { } error) Console.Error.WriteLine($"first failure: {error}");
        return summary.Failed > 0 ? 1 : 0;
    }

    /// <summary>An AdmissionReview v1 of a Pod CREATE with one container per image, as the API server sends it.</summary>
    private static string Review(IReadOnlyList<string> images)
    {
        var containers = string.Join(",", images.Select((image, i) => $$$"""{"name":"c{{{i}}}","image":"{{{image}}}"}"""));
        return $$$"""
            {"apiVersion":"admission.k8s.io/v1","kind":"AdmissionReview","request":{"uid":"bench-0001",
             "kind":{"group":"","version":"v1","kind":"Pod"},"resource":{"group":"","version":"v1","resource":"pods"},
             "name":"bench","namespace":"bench","operation":"CREATE","userInfo":{"username":"bench"},
             "object":{"apiVersion":"v1","kind":"Pod","metadata":{"name":"bench","namespace":"bench"},"spec":{"containers":[{{{containers}}}]}},
             "oldObject":null,"dryRun":false}}
            """;
    }

    /// <summary>The answer's <c>allowed</c> (null when the answer was not a review) and its body.</summary>
    private static async Task<(bool? Allowed, string Body)> PostAsync(HttpClient http, Uri url, byte[] review, CancellationToken cancellationToken)
    {
        using var content = new ByteArrayContent(review);
        content.Headers.ContentType = new("application/json");
        using var response = await http.PostAsync(url, content, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode) return (null, $"{(int)response.StatusCode}: {body}");
        using var document = JsonDocument.Parse(body);
        return (document.RootElement.GetProperty("response").GetProperty("allowed").GetBoolean(), body);
    }
}
