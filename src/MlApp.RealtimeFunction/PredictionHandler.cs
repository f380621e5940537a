using System.Diagnostics;
using System.Text.Json;
using MlApp.Model;
using MlApp.RealtimeFunction.Runtime;

using MlApp.Model.Features;
using MlApp.Model.Invocation;
namespace MlApp.RealtimeFunction;

/// <summary>
/// The function's work: read the envelope, validate every row against the model's own card, predict them in one batch
/// and answer with the envelope the web expects. Its spans continue the caller's trace from the envelope's traceparent.
/// </summary>
public sealed class PredictionHandler(IPredictor predictor, JsonFeatureReader reader) : ILambdaHandler
{
    public static readonly ActivitySource Source = new("MlApp.RealtimeFunction");

    public Task<byte[]> HandleAsync(LambdaInvocation invocation, CancellationToken cancellationToken)
    {
        var request = Read(invocation.Payload);
        ActivityContext.TryParse(request.TraceParent, null, out var parent);
        using var activity = Source.StartActivity("predict invocation", ActivityKind.Server, parent);
        activity?.SetTag("faas.invocation_id", invocation.RequestId);
        activity?.SetTag("mlapp.rows", request.Inputs.Count);

        var rows = request.Inputs.Select((input, index) => (Result: reader.Read(input), Index: index)).ToList();
        var invalid = rows.Where(row => !row.Result.IsValid).ToList();
        if (invalid.Count > 0)
        {
            // The web validates first, so this means web and function run different cards: a deployment problem.
            throw new InvalidPredictRequestException(string.Join(" ", invalid.Select(row =>
                $"Row {row.Index}: {row.Result.ErrorText}")));
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

    private static PredictRequest Read(byte[] payload)
    {
        try
        {
            return JsonSerializer.Deserialize(payload, PredictJsonContext.Default.PredictRequest)
                ?? throw new InvalidPredictRequestException("The request is null; send {\"inputs\": [ ... ]}.");
        }
        catch (JsonException e)
        {
            throw new InvalidPredictRequestException($"The request is not a prediction envelope {{\"inputs\": [ ... ]}}: {e.Message}");
        }
    }
}
