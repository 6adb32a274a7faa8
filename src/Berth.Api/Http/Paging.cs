using Microsoft.AspNetCore.Http;

namespace Berth.Api.Http;

/// <summary>Harbor's <c>page</c>/<c>page_size</c> (default 10, at most 100) with <c>X-Total-Count</c> and <c>Link</c>.</summary>
public readonly record struct Paging(int Page, int PageSize)
{
    public int Offset => (Page - 1) * PageSize;

    public static Paging From(IQueryCollection query)
    {
        var page = int.TryParse(query["page"], out var p) && p > 0 ? p : 1;
        var size = int.TryParse(query["page_size"], out var s) && s > 0 ? Math.Min(s, 100) : 10;
        return new Paging(page, size);
    }

    public void WriteHeaders(HttpContext context, int total)
    {
        context.Response.Headers["X-Total-Count"] = total.ToString();
        var path = context.Request.Path;
        var links = new List<string>();
        if (Page > 1) links.Add($"<{path}?page={Page - 1}&page_size={PageSize}>; rel=\"prev\"");
        if ((long)Page * PageSize < total) links.Add($"<{path}?page={Page + 1}&page_size={PageSize}>; rel=\"next\"");
        if (links.Count > 0) context.Response.Headers.Link = string.Join(" , ", links);
    }

    /// <summary>
    /// Answers a list endpoint whose items are all in memory: the page the query asks for, converted to JSON, with
    /// the total and the links in the headers.
    /// </summary>
    public static Task WritePageAsync<T, TJson>(HttpContext context, IReadOnlyList<T> all, Func<T, TJson> toJson)
    {
        var paging = From(context.Request.Query);
        paging.WriteHeaders(context, all.Count);
        return ApiJson.WriteAsync(context, all.Skip(paging.Offset).Take(paging.PageSize).Select(toJson).ToList());
    }
}
