using System.Text.Encodings.Web;
using System.Text.Json;
using Berth.Core.Errors;
using Microsoft.AspNetCore.Http;

namespace Berth.Registry.Http;

/// <summary>Writes errors in the spec's envelope: <c>{"errors":[{"code","message","detail"}]}</c>.</summary>
public static class OciErrorResponse
{
    public static async Task WriteAsync(HttpContext context, OciError error)
    {
        var response = context.Response;
        if (response.HasStarted) return;
        response.StatusCode = error.Status;
        // An endpoint may have set a success reply's Content-Length (0 on upload replies) before it
        // found the error; the error body must not be held to it.
        response.ContentLength = null;
        if (HttpMethods.IsHead(context.Request.Method)) return;
        response.ContentType = "application/json";
        // Messages quote names with ' and "; keep them readable rather than \u-escaped.
        await using var writer = new Utf8JsonWriter(response.BodyWriter, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        writer.WriteStartObject();
        writer.WriteStartArray("errors");
        writer.WriteStartObject();
        writer.WriteString("code", error.Code.Code);
        writer.WriteString("message", error.Message);
        writer.WritePropertyName("detail");
        if (error.Detail is null) writer.WriteNullValue();
        else JsonSerializer.Serialize(writer, error.Detail, error.Detail.GetType());
        writer.WriteEndObject();
        writer.WriteEndArray();
        writer.WriteEndObject();
        await writer.FlushAsync(context.RequestAborted);
    }
}
