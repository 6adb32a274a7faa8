using Microsoft.AspNetCore.Http;

namespace Berth.Api.Http;

/// <summary>
/// Harbor's <c>X-Request-Id</c>: the client's id when it sent one (within reason), else a new one; always
/// echoed, so a client's report can be matched with the server's log.
/// </summary>
public static class RequestId
{
    public const string Header = "X-Request-Id";

    public static Task InvokeAsync(HttpContext context, Func<Task> next)
    {
        var given = context.Request.Headers[Header].ToString();
        var id = given.Length is > 0 and <= 128 && given.All(c => c is >= '!' and <= '~') ? given : Guid.NewGuid().ToString();
        context.TraceIdentifier = id;
        context.Response.Headers[Header] = id;
        return next();
    }
}
