using System.Diagnostics;
using System.Text.Json;
using MlApp.Model;
using MlApp.RealtimeFunction.Runtime;

using MlApp.Model.Features;
using MlApp.Model.Invocation;
namespace MlApp.RealtimeFunction;

/// <summary>
/// The function's work: read the event by the same shape rule as <c>/api/predict</c> (<c>{"input": {...}}</c> or
/// <c>{"inputs": [...]}</c>, so a scientist can invoke it directly with what the web documents), validate every row
/// against the model's own card, predict them in one batch and answer with the envelope the web expects. Its spans
/// continue the caller's trace from the event's traceParent.
/// </summary>
public sealed class PredictionHandler(IPredictor predictor, JsonFeatureReader reader) : ILambdaHandler
{
    public static readonly ActivitySource Source = new("MlApp.RealtimeFunction");

    public Task<byte[]> HandleAsync(LambdaInvocation invocation, CancellationToken cancellationToken)
    {
        using var payload = PredictBody.Parse(invocation.Payload, out var notJson)
            ?? throw new InvalidPredictRequestException($"Not a prediction request: {notJson} {PredictBody.ShapeHint}");
        var shape = PredictBody.Rows(payload.RootElement);
        if (!shape.IsValid)
        {
            throw new InvalidPredictRequestException("Not a prediction request: " + string.Join(" ", shape.Problems.Select(problem => problem.Message).Distinct()));
        }

        ActivityContext.TryParse(TraceParent(payload.RootElement), null, out var parent);
        using var activity = Source.StartActivity("predict invocation", ActivityKind.Server, parent);
        activity?.SetTag("faas.invocation_id", invocation.RequestId);
        activity?.SetTag("mlapp.rows", shape.Rows.Count);

        var rows = shape.Rows.Select((input, index) => (Result: reader.Read(input), Index: index)).ToList();
        var invalid = rows.Where(row => !row.Result.IsValid).ToList();
        if (invalid.Count > 0)
        {
            // The web validates first, so from the web this means web and function run different cards; invoked
            // directly, it is the caller's row that is wrong. Either way each message names its row.
            throw new InvalidPredictRequestException(string.Join(" ", invalid.Select(row =>
                $"{shape.RowName(row.Index)}: {row.Result.ErrorText}")));
        }

        cancellationToken.ThrowIfCancellationRequested();
        IReadOnlyList<Prediction> predictions;
        using (Source.StartActivity("predictor.PredictBatch"))
        {
            predictions = predictor.PredictBatch(rows.Select(row => row.Result.Value!).ToList());
        }

        var response = new PredictResponse(predictions, predictor.Card.Name, predictor.Card.Version);
        return Task.FromResult(JsonSerializer.SerializeToUtf8Bytes(response, PredictJsonContext.Default.PredictResponse));
    }

    private static string? TraceParent(JsonElement body) =>
        body.TryGetProperty("traceParent", out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
