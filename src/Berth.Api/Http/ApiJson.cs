using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http;

namespace Berth.Api.Http;

/// <summary>Harbor's JSON conventions: snake_case names, nulls left out, readable text.</summary>
public static class ApiJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static async Task WriteAsync<T>(HttpContext context, T value, int status = 200)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        await JsonSerializer.SerializeAsync(context.Response.Body, value, Options, context.RequestAborted);
    }

    /// <summary>The request body as <typeparamref name="T"/>, or the 400 error naming what is wrong with it.</summary>
    public static async Task<(T? Value, HarborError? Error)> ReadAsync<T>(HttpContext context) where T : class
    {
        try
        {
            var value = await JsonSerializer.DeserializeAsync<T>(context.Request.Body, Options, context.RequestAborted);
            return value is null ? (null, HarborError.BadRequest("the request body is empty")) : (value, null);
        }
        catch (JsonException e)
        {
            return (null, HarborError.BadRequest($"the request body is not valid JSON for this request: {e.Message}"));
        }
    }
}
