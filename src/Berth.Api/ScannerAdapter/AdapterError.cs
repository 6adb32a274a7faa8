using System.Text.Json;
using Berth.Scanning.Reports.Formats;
using Microsoft.AspNetCore.Http;

namespace Berth.Api.ScannerAdapter;

/// <summary>The adapter API's error: <c>{"error":{"message":"…"}}</c> as <see cref="AdapterMediaTypes.Error"/>, with its status.</summary>
public sealed record AdapterError(int Status, string Message)
{
    public static AdapterError BadRequest(string message) => new(StatusCodes.Status400BadRequest, message);
    public static AdapterError Unprocessable(string message) => new(StatusCodes.Status422UnprocessableEntity, message);
    public static AdapterError NotImplemented(string message) => new(StatusCodes.Status501NotImplemented, message);
    public static AdapterError NotFound(string message) => new(StatusCodes.Status404NotFound, message);

    public async Task WriteAsync(HttpContext context)
    {
        context.Response.StatusCode = Status;
        if (Status == StatusCodes.Status401Unauthorized) context.Response.Headers.WWWAuthenticate = "Bearer realm=\"berth-scanner-adapter\"";
        context.Response.ContentType = AdapterMediaTypes.Error;
        await JsonSerializer.SerializeAsync(context.Response.Body,
            new Dictionary<string, Dictionary<string, string>> { ["error"] = new() { ["message"] = Message } },
            HarborJson.Options, context.RequestAborted);
    }
}
