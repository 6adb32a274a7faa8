using System.Text.Json;
using Berth.Core.Errors;
using Berth.Metadata;
using Berth.Registry.Access;
using Berth.Registry.Http;
using Microsoft.AspNetCore.Http;

namespace Berth.Registry.Endpoints;

/// <summary><c>/v2/&lt;name&gt;/tags/list</c> and <c>/v2/_catalog</c>, paginated with <c>n</c> and <c>last</c>.</summary>
public sealed class ListingEndpoint(IRegistryMetadata metadata, IRegistryAccess access)
{
    public async Task<OciError?> TagsAsync(HttpContext context, string repository)
    {
        var page = Pagination.FromQuery(context.Request.Query);
        if (!page.Succeeded) return page.Error;
        var cancellationToken = context.RequestAborted;
        if (!await metadata.RepositoryExistsAsync(repository, cancellationToken))
            return OciErrorCode.NameUnknown.With($"repository {repository} is not known to this registry", detail: new { name = repository });

        var tags = page.Value.Limit == 0 ? [] : await metadata.ListTagsAsync(repository, page.Value.Limit, page.Value.Last, cancellationToken);
        page.Value.AddNextLink(context.Response, $"/v2/{repository}/tags/list", tags);
        await WriteAsync(context, writer =>
        {
            writer.WriteString("name", repository);
            WriteArray(writer, "tags", tags);
        });
        return null;
    }

    public async Task<OciError?> CatalogAsync(HttpContext context)
    {
        var page = Pagination.FromQuery(context.Request.Query);
        if (!page.Succeeded) return page.Error;
        var repositories = page.Value.Limit == 0 ? [] : await VisibleRepositoriesAsync(context, page.Value);
        page.Value.AddNextLink(context.Response, "/v2/_catalog", repositories);
        await WriteAsync(context, writer => WriteArray(writer, "repositories", repositories));
        return null;
    }

    /// <summary>
    /// A page of the repositories the caller may see. Invisible ones are skipped while reading, so a page
    /// is as full as the request asked whenever enough visible repositories follow.
    /// </summary>
    private async Task<IReadOnlyList<string>> VisibleRepositoriesAsync(HttpContext context, Pagination page)
    {
        const int batch = 500;
        var isVisible = await access.VisibleRepositoriesAsync(context);
        var wanted = page.Limit ?? int.MaxValue;
        var visible = new List<string>();
        var last = page.Last;
        while (visible.Count < wanted)
        {
            var names = await metadata.ListRepositoriesAsync(batch, last, context.RequestAborted);
            foreach (var name in names)
            {
                if (await isVisible(name)) visible.Add(name);
                if (visible.Count == wanted) break;
            }
            if (names.Count < batch) break;
            last = names[^1];
        }
        return visible;
    }

    private static void WriteArray(Utf8JsonWriter writer, string name, IReadOnlyList<string> values)
    {
        writer.WriteStartArray(name);
        foreach (var value in values) writer.WriteStringValue(value);
        writer.WriteEndArray();
    }

    private static async Task WriteAsync(HttpContext context, Action<Utf8JsonWriter> body)
    {
        context.Response.ContentType = "application/json";
        if (HttpMethods.IsHead(context.Request.Method)) return;
        await using var writer = new Utf8JsonWriter(context.Response.BodyWriter);
        writer.WriteStartObject();
        body(writer);
        writer.WriteEndObject();
        await writer.FlushAsync(context.RequestAborted);
    }
}
