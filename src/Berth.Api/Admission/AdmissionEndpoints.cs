using Berth.Policy.Admission;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using Microsoft.Net.Http.Headers;

namespace Berth.Api.Admission;

/// <summary>
/// The Kubernetes admission webhook: <c>POST /admission/validate</c> takes an AdmissionReview and answers one
/// (HTTP 200, allowed or a 403 status inside); a body that is not a review gets 400 with the reason, a body that
/// is not JSON 415. The API server calls it with <c>?timeout=Ns</c>, which bounds the decision.
/// </summary>
public sealed partial class AdmissionEndpoints(AdmissionValidator validator, ILogger<AdmissionEndpoints> logger)
{
    public const string ValidatePath = "/admission/validate";

    /// <summary>The API server sends objects of at most ~3 MiB; anything much larger is not a review.</summary>
    public const int MaxBodyBytes = 8 * 1024 * 1024;

    public void Map(IEndpointRouteBuilder app)
    {
        app.MapPost(ValidatePath, ValidateAsync);
    }

    private async Task ValidateAsync(HttpContext context)
    {
        if (!IsJson(context.Request.ContentType))
        {
            await PlainAsync(context, StatusCodes.Status415UnsupportedMediaType, $"an AdmissionReview is sent as application/json, not '{context.Request.ContentType}'");
            return;
        }
        var body = await AdmissionBody.ReadAsync(context.Request, MaxBodyBytes, context.RequestAborted);
        if (body is null)
        {
            await PlainAsync(context, StatusCodes.Status413PayloadTooLarge, $"the body is larger than {MaxBodyBytes} bytes; an AdmissionReview is not");
            return;
        }

        var outcome = await validator.ValidateAsync(body.Value, context.Request.Query["timeout"], context.RequestAborted);
        if (outcome.IsMalformed)
        {
            LogMalformed(logger, outcome.Error!);
            await PlainAsync(context, StatusCodes.Status400BadRequest, $"not a valid AdmissionReview: {outcome.Error}");
            return;
        }
        Record(outcome);
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/json";
        await context.Response.Body.WriteAsync(outcome.Review, context.RequestAborted);
    }

    private void Record(AdmissionOutcome outcome)
    {
        var request = outcome.Request!;
        var response = outcome.Response!;
        if (outcome.Failure is { } failure) LogFailure(logger, failure, request.Uid, request.Kind, request.Namespace, request.Name);
        else if (!response.Allowed) LogDenied(logger, request.Uid, request.Kind, request.Namespace, request.Name, response.Message ?? "");
        foreach (var finding in outcome.DryRun) LogDryRun(logger, request.Uid, request.Kind, request.Namespace, request.Name, finding);
    }

    private static bool IsJson(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var parsed)
        && parsed.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase);

    private static async Task PlainAsync(HttpContext context, int status, string message)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/plain; charset=utf-8";
        await context.Response.WriteAsync(message + "\n", context.RequestAborted);
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "Admission review refused as malformed: {Error}")]
    private static partial void LogMalformed(ILogger logger, string error);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Admission denied {Kind} {Namespace}/{Name} (uid {Uid}): {Reasons}")]
    private static partial void LogDenied(ILogger logger, string uid, string kind, string @namespace, string name, string reasons);

    [LoggerMessage(EventId = 3, Level = LogLevel.Error, Message = "Admission decision failed for {Kind} {Namespace}/{Name} (uid {Uid}); denied to fail closed")]
    private static partial void LogFailure(ILogger logger, Exception exception, string uid, string kind, string @namespace, string name);

    [LoggerMessage(EventId = 4, Level = LogLevel.Information, Message = "Admission dry run for {Kind} {Namespace}/{Name} (uid {Uid}) would deny: {Finding}")]
    private static partial void LogDryRun(ILogger logger, string uid, string kind, string @namespace, string name, string finding);
}
