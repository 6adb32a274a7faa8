using Berth.Policy.Admission;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using Microsoft.Net.Http.Headers;

namespace Berth.Api.Admission;

/// <summary>
/// The Kubernetes admission webhook: <c>POST /admission/validate</c> takes an AdmissionReview and answers one
/// (HTTP 200, allowed or a 403 status inside); <c>POST /admission/mutate</c> answers allowed, with a JSON Patch
/// pinning tags to digests where configured. A body that is not a review gets 400 with the reason, a body that
/// is not JSON 415. The API server calls them with <c>?timeout=Ns</c>, which bounds the decision. With TLS
/// configured, both answer only on the HTTPS listener (see <see cref="AdmissionListener"/>).
/// </summary>
public sealed partial class AdmissionEndpoints(
    AdmissionValidator validator, AdmissionMutator mutator, AdmissionAudit audit, AdmissionListener listener, ILogger<AdmissionEndpoints> logger)
{
    public const string ValidatePath = "/admission/validate";
    public const string MutatePath = "/admission/mutate";

    /// <summary>The API server sends objects of at most ~3 MiB; anything much larger is not a review.</summary>
    public const int MaxBodyBytes = 8 * 1024 * 1024;

    public void Map(IEndpointRouteBuilder app)
    {
        app.MapPost(ValidatePath, context => AnswerAsync(context, validator.ValidateAsync));
        app.MapPost(MutatePath, context => AnswerAsync(context, mutator.MutateAsync));
    }

    private async Task AnswerAsync(HttpContext context, Func<ReadOnlyMemory<byte>, string?, CancellationToken, Task<AdmissionOutcome>> decide)
    {
        if (listener.TlsOnly && !context.Request.IsHttps)
        {
            await PlainAsync(context, StatusCodes.Status404NotFound, "404 page not found");
            return;
        }
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

        var outcome = await decide(body.Value, context.Request.Query["timeout"], context.RequestAborted);
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
        audit.Observe(outcome);
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
