using System.Text;
using System.Text.Json;
using MlApp.Model;
using MlApp.Model.Features;
using MlApp.Model.Invocation;
using MlApp.RealtimeFunction;
using MlApp.RealtimeFunction.Runtime;
using MlApp.Tests.Unit.Model;

namespace MlApp.Tests.Unit.Function;

/// <summary>The function invoked directly (`aws lambda invoke`), with the shapes the web documents and with others.</summary>
[Trait("Category", "Unit")]
public sealed class PredictionHandlerTests
{
    private const string Row = """{"island": "Torgersen", "bill_length_mm": 39.1, "bill_depth_mm": 18.7, "flipper_length_mm": 181, "body_mass_g": 3750, "sex": "MALE"}""";

    private static readonly PredictionHandler Handler = new(TestModels.Penguins, new JsonFeatureReader(TestModels.PenguinsCard));

    [Theory]
    [InlineData("{\"input\": " + Row + "}", 1)]
    [InlineData("{\"inputs\": [" + Row + ", " + Row + "]}", 2)]
    [InlineData("{\"inputs\": [" + Row + "], \"traceParent\": \"00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01\"}", 1)]
    public async Task The_one_row_and_many_row_shapes_of_the_web_are_predicted(string payload, int rows)
    {
        var answer = await HandleAsync(payload);

        var response = JsonSerializer.Deserialize(answer, PredictJsonContext.Default.PredictResponse)!;
        Assert.Equal(rows, response.Predictions.Count);
        Assert.All(response.Predictions, prediction => Assert.Equal("Adelie", prediction.Label));
        Assert.Equal("penguins", response.ModelName);
    }

    [Theory]
    [InlineData("{}", "Send {\"inputs\": [ {...}, ... ]} for many rows or {\"input\": {...}} for one.")]
    [InlineData("[1, 2, 3]", "Send {\"inputs\"")]
    [InlineData("\"just text\"", "Send {\"inputs\"")]
    [InlineData("null", "Send {\"inputs\"")]
    [InlineData("{\"input\": " + Row + ", \"inputs\": [" + Row + "]}", "both \"input\" and \"inputs\"")]
    [InlineData("{\"input\": null}", "input: The input must be a JSON object")]
    [InlineData("{\"inputs\": [{\"island\": \"Atlantis\"}]}", "inputs[0]: Field 'island' is 'Atlantis'")]
    [InlineData("{\"input\": {\"island\": \"\\ud800\"}}", "unpaired surrogate")]
    [InlineData("not json", "The body is not valid JSON")]
    public async Task Any_other_event_is_refused_with_an_error_type_and_what_to_send_never_a_null_reference(string payload, string says)
    {
        var error = await Assert.ThrowsAsync<InvalidPredictRequestException>(() => HandleAsync(payload));

        Assert.Contains(says, error.Message);
        Assert.Equal("InvalidPredictRequestException", LambdaError.From(error).ErrorType);
    }

    private static Task<byte[]> HandleAsync(string payload) =>
        Handler.HandleAsync(new LambdaInvocation("req-1", DateTimeOffset.UtcNow.AddSeconds(30), null, null, Encoding.UTF8.GetBytes(payload)), CancellationToken.None);
}
