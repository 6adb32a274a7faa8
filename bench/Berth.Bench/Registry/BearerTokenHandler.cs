using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;

namespace Berth.Bench.Registry;

/// <summary>
/// Sends every request with a Bearer token, the way docker and containerd talk to Harbor: the realm and
/// service come from the 401 challenge of one anonymous <c>GET /v2/</c>, then one token per repository
/// (scope pull,push, Basic credentials if any) is fetched and kept until shortly before it expires. After
/// the first request of a repository no request costs an extra round trip. A registry whose /v2/
/// answers 200 needs nothing, and its requests go out as they are.
/// </summary>
public sealed class BearerTokenHandler(HttpMessageHandler inner, Uri registry, AuthenticationHeaderValue? basic)
    : DelegatingHandler(inner)
{
    // Token fetches are shared by all workers, so they cannot run on one caller's token: they have their own cap.
    private static readonly TimeSpan FetchTimeout = TimeSpan.FromSeconds(30);

    // The client shares the machine with the registry it measures: per-request work here is kept to a
    // dictionary lookup, so the figures show the registry's cost of Bearer auth, not the bench's.
    private static readonly string[] RouteSegments = ["/manifests/", "/blobs/", "/tags/", "/referrers/"];

    private readonly ConcurrentDictionary<string, Lazy<Task<BearerToken>>> tokens = new(StringComparer.Ordinal);
    private Lazy<Task<BearerChallenge?>>? challenge;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (await ChallengeAsync(cancellationToken) is { } found)
        {
            var token = await TokenAsync(found, ScopeOf(request.RequestUri), cancellationToken);
            request.Headers.Authorization = token.Header;
        }

        return await base.SendAsync(request, cancellationToken);
    }

    private static string? ScopeOf(Uri? uri)
    {
        var path = uri?.AbsolutePath ?? string.Empty;
        if (path == "/v2/_catalog")
        {
            return "registry:catalog:*";
        }

        // The name is everything before the first route segment; the bench's names never contain one.
        if (!path.StartsWith("/v2/", StringComparison.Ordinal))
        {
            return null;
        }

        var end = -1;
        foreach (var segment in RouteSegments)
        {
            var index = path.IndexOf(segment, 4, StringComparison.Ordinal);
            if (index > 4 && (end < 0 || index < end))
            {
                end = index;
            }
        }

        return end > 4 ? $"repository:{path[4..end]}:pull,push" : null;
    }

    private async Task<BearerChallenge?> ChallengeAsync(CancellationToken cancellationToken)
    {
        // The first caller installs the one fetch all workers share; a failed fetch is dropped, so the
        // next request tries again instead of failing forever.
        var current = Volatile.Read(ref challenge);
        if (current is null)
        {
            var fresh = new Lazy<Task<BearerChallenge?>>(FetchChallengeAsync);
            current = Interlocked.CompareExchange(ref challenge, fresh, null) ?? fresh;
        }

        try
        {
            return await current.Value.WaitAsync(cancellationToken);
        }
        catch (Exception) when (current.Value.IsFaulted || current.Value.IsCanceled)
        {
            Interlocked.CompareExchange(ref challenge, null, current);
            throw;
        }
    }

    private async Task<BearerToken> TokenAsync(BearerChallenge found, string? scope, CancellationToken cancellationToken)
    {
        var key = scope ?? string.Empty;
        while (true)
        {
            var entry = tokens.GetOrAdd(key, _ => new Lazy<Task<BearerToken>>(() => FetchTokenAsync(found, scope)));
            BearerToken token;
            try
            {
                token = await entry.Value.WaitAsync(cancellationToken);
            }
            catch (Exception) when (entry.Value.IsFaulted || entry.Value.IsCanceled)
            {
                tokens.TryRemove(new KeyValuePair<string, Lazy<Task<BearerToken>>>(key, entry));
                throw;
            }

            if (!token.IsStale)
            {
                return token;
            }

            // Only the entry seen stale is removed, so racing workers share the one fetch that replaces it.
            tokens.TryRemove(new KeyValuePair<string, Lazy<Task<BearerToken>>>(key, entry));
        }
    }

    private async Task<BearerChallenge?> FetchChallengeAsync()
    {
        using var timeout = new CancellationTokenSource(FetchTimeout);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(registry, "v2/"));
        try
        {
            using var response = await base.SendAsync(request, timeout.Token);
            if (response.IsSuccessStatusCode)
            {
                return null;
            }

            return response.StatusCode == HttpStatusCode.Unauthorized
                ? BearerChallenge.Parse(response)
                : throw new HttpRequestException($"GET /v2/ → {(int)response.StatusCode}, wanted 401 with a Bearer challenge");
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            throw new HttpRequestException($"GET /v2/ for the Bearer challenge: no answer within {FetchTimeout.TotalSeconds:0} s");
        }
    }

    private async Task<BearerToken> FetchTokenAsync(BearerChallenge found, string? scope)
    {
        using var timeout = new CancellationTokenSource(FetchTimeout);
        using var request = new HttpRequestMessage(HttpMethod.Get, found.TokenUri(scope));
        request.Headers.Authorization = basic;
        try
        {
            using var response = await base.SendAsync(request, timeout.Token);
            var body = await response.Content.ReadAsByteArrayAsync(timeout.Token);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                var detail = System.Text.Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, 200)).ReplaceLineEndings(" ");
                throw new HttpRequestException($"GET {found.Realm.AbsolutePath} for scope '{scope}' → {(int)response.StatusCode}: {detail}");
            }

            return BearerToken.Parse(body);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            throw new HttpRequestException($"GET {found.Realm.AbsolutePath} for scope '{scope}': no answer within {FetchTimeout.TotalSeconds:0} s");
        }
    }
}
