using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Berth.Api.Http;

/// <summary>Harbor's API error: <c>{"errors":[{"code":"NOT_FOUND","message":"…"}]}</c> with its status.</summary>
public sealed record HarborError(int Status, string Code, string Message)
{
    public static HarborError BadRequest(string message) => new(400, "BAD_REQUEST", message);
    public static HarborError Unauthorized(string message) => new(401, "UNAUTHORIZED", message);
    public static HarborError Forbidden(string message) => new(403, "FORBIDDEN", message);
    public static HarborError NotFound(string message) => new(404, "NOT_FOUND", message);
    public static HarborError Conflict(string message) => new(409, "CONFLICT", message);
    public static HarborError PreconditionFailed(string message) => new(412, "PRECONDITION", message);

    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public async Task WriteAsync(HttpContext context)
    {
        context.Response.StatusCode = Status;
        if (Status == 401) context.Response.Headers.WWWAuthenticate = "Basic realm=\"berth\"";
        context.Response.ContentType = "application/json; charset=utf-8";
        await JsonSerializer.SerializeAsync(context.Response.Body,
            new { errors = new[] { new { code = Code, message = Message } } }, Json, context.RequestAborted);
    }
}
