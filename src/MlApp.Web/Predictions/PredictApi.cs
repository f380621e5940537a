using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using MlApp.ServiceDefaults.Http;
using MlApp.Web.Limits;

using MlApp.Model.Features;
using MlApp.Model.Invocation;
namespace MlApp.Web.Predictions;

/// <summary><c>POST /api/predict</c>: validate against the model's card here, then ask the realtime function.</summary>
public static class PredictApi
{
    private const int DrainableBodyFactor = 4;

    public static RouteGroupBuilder MapPredictApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Predictions");
        api.MapPost("/predict", PredictAsync)
            .WithSummary("Predicts one row ({\"input\": {...}}) or many ({\"inputs\": [...]}) with the realtime function.")
            .Accepts<JsonElement>("application/json")
            .RequireOwnerRateLimit(LimitKind.Prediction);
        return api;
    }

    public static async Task<Results<Ok<PredictResponse>, ValidationProblem, ProblemHttpResult>> PredictAsync(
        HttpContext context, JsonFeatureReader reader, RealtimePredictions predictions, IOptions<PredictOptions> options)
    {
        var limits = options.Value;
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
        {
            // Kestrel drains an unread body after the answer so the client can read it; past the server-wide cap it
            // resets the connection instead, and an HTTP client that is still sending sees a reset, not our 413. Allow
            // a few times the cap here: the surplus is discarded as it streams in, never buffered.
            bodySize.MaxRequestBodySize = DrainableBodyFactor * (long)limits.MaxBodyBytes;
        }

        var body = await BoundedBody.ReadAsync(context.Request, limits.MaxBodyBytes, context.RequestAborted);
        if (body is null)
        {
            return TypedResults.Problem(
                title: "The request is too large.",
                detail: $"A predict request takes at most {limits.MaxBodyBytes} bytes. Submit a batch job for more rows.",
                statusCode: StatusCodes.Status413PayloadTooLarge);
        }

        if (PredictBody.Parse(body, out var notJson) is not { } json)
        {
            return TypedResults.Problem(title: "The body is not valid JSON.", detail: notJson, statusCode: StatusCodes.Status400BadRequest);
        }

        using (json)
        {
            var input = PredictInput.Read(json.RootElement, reader, limits.MaxRows);
            if (input.Errors.Count > 0)
            {
                return TypedResults.ValidationProblem(input.Errors, title: "The input does not match the model's schema.");
            }

            try
            {
                var answer = await predictions.PredictAsync(input.Rows, context.RequestAborted);
                context.Response.Headers["Server-Timing"] = string.Create(CultureInfo.InvariantCulture, $"lambda;dur={answer.RoundTrip.TotalMilliseconds:0.0}");
                return TypedResults.Ok(answer.Response);
            }
            catch (Exception e) when (LambdaProblems.IsInvokeFailure(e) && !context.RequestAborted.IsCancellationRequested)
            {
                return LambdaProblems.From(e, context);
            }
        }
    }
}
