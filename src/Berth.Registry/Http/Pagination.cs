using Berth.Core.Errors;
using Microsoft.AspNetCore.Http;

namespace Berth.Registry.Http;

/// <summary>The spec's <c>n</c>/<c>last</c> pagination of tag and catalog lists, and its <c>Link</c> header.</summary>
public readonly record struct Pagination(int? Limit, string? Last)
{
    public static Outcome<Pagination> FromQuery(IQueryCollection query)
    {
        int? limit = null;
        if (query.TryGetValue("n", out var n))
        {
            if (!int.TryParse(n, out var parsed) || parsed < 0)
                return OciErrorCode.Unsupported.With($"the page size n='{n}' is not a non-negative integer", 400);
            limit = parsed;
        }
        var last = query.TryGetValue("last", out var l) ? l.ToString() : null;
        return new Pagination(limit, string.IsNullOrEmpty(last) ? null : last);
    }

    /// <summary>Adds <c>Link: &lt;path?n=..&amp;last=..&gt;; rel="next"</c> when the page was full, so more may follow.</summary>
    public void AddNextLink(HttpResponse response, string path, IReadOnlyList<string> page)
    {
        if (Limit is not { } limit || limit == 0 || page.Count < limit) return;
        response.Headers.Link = $"<{path}?n={limit}&last={Uri.EscapeDataString(page[^1])}>; rel=\"next\"";
    }
}
