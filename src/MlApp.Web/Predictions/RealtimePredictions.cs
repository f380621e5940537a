using System.Diagnostics;
using System.Text.Json;
using MlApp.Aws.Lambda;

using MlApp.Model.Invocation;
namespace MlApp.Web.Predictions;

/// <summary>Asks the realtime function for predictions of validated rows; the one path for the JSON API and the page.</summary>
public sealed class RealtimePredictions(LambdaInvoker lambda)
{
    private static readonly ActivitySource Source = new("MlApp.Web.Predictions");

    /// <summary>A prediction and how long the function took to give it, as the caller experienced it.</summary>
    public sealed record Answer(PredictResponse Response, TimeSpan RoundTrip);

    /// <exception cref="LambdaInvokeException">and the others of <see cref="LambdaProblems.IsInvokeFailure"/>: no prediction.</exception>
    public async Task<Answer> PredictAsync(IReadOnlyList<JsonElement> rows, CancellationToken cancellationToken)
    {
        // The function continues the trace under this span: web request → invoke → function → predictor.
        using var invoke = Source.StartActivity("invoke realtime function");
        invoke?.SetTag("mlapp.rows", rows.Count);
        var envelope = JsonSerializer.SerializeToUtf8Bytes(new PredictRequest(rows, Activity.Current?.Id), PredictJsonContext.Default.PredictRequest);
        var started = Stopwatch.GetTimestamp();
        var answer = await lambda.InvokeAsync(envelope, cancellationToken);
        var roundTrip = Stopwatch.GetElapsedTime(started);
        var response = JsonSerializer.Deserialize(answer, PredictJsonContext.Default.PredictResponse)
            ?? throw new LambdaFunctionException("Unhandled", "InvalidResponse", "The function answered null instead of predictions.");
        return new Answer(response, roundTrip);
    }
}
