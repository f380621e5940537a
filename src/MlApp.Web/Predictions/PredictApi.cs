using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using MlApp.Jobs.Http;
using MlApp.Jobs.Lambda;
using MlApp.Model;
using MlApp.Web.Limits;

namespace MlApp.Web.Predictions;

/// <summary><c>POST /api/predict</c>: validate against the model's card here, then ask the realtime function.</summary>
public static class PredictApi
{
    private static readonly ActivitySource Source = new("MlApp.Web.Predictions");

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
        HttpContext context, JsonFeatureReader reader, LambdaInvoker lambda, IOptions<PredictOptions> options)
    {
        var limits = options.Value;
        var body = await BoundedBody.ReadAsync(context.Request, limits.MaxBodyBytes, context.RequestAborted);
        if (body is null)
        {
            return TypedResults.Problem(
                title: "The request is too large.",
                detail: $"A predict request takes at most {limits.MaxBodyBytes} bytes. Submit a batch job for more rows.",
                statusCode: StatusCodes.Status413PayloadTooLarge);
        }

        if (ParseJson(body) is not { } json)
        {
            return TypedResults.Problem(title: "The body is not valid JSON.", statusCode: StatusCodes.Status400BadRequest);
        }

        using (json)
        {
            var input = PredictInput.Read(json.RootElement, reader, limits.MaxRows);
            if (input.Errors.Count > 0)
            {
                return TypedResults.ValidationProblem(input.Errors, title: "The input does not match the model's schema.");
            }

            // The function continues the trace under this span: web request → invoke → function → predictor.
            using var invoke = Source.StartActivity("invoke realtime function");
            invoke?.SetTag("mlapp.rows", input.Rows.Count);
            var envelope = JsonSerializer.SerializeToUtf8Bytes(new PredictRequest(input.Rows, Activity.Current?.Id), PredictJsonContext.Default.PredictRequest);
            var started = Stopwatch.GetTimestamp();
            try
            {
                var answer = await lambda.InvokeAsync(envelope, context.RequestAborted);
                context.Response.Headers["Server-Timing"] = string.Create(CultureInfo.InvariantCulture, $"lambda;dur={Stopwatch.GetElapsedTime(started).TotalMilliseconds:0.0}");
                return TypedResults.Ok(JsonSerializer.Deserialize(answer, PredictJsonContext.Default.PredictResponse));
            }
            catch (Exception e) when (LambdaProblems.IsInvokeFailure(e) && !context.RequestAborted.IsCancellationRequested)
            {
                return LambdaProblems.From(e, context);
            }
        }
    }

    private static JsonDocument? ParseJson(byte[] body)
    {
        try
        {
            return JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
