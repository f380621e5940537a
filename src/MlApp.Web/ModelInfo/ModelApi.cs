
using MlApp.Model.Card;
namespace MlApp.Web.ModelInfo;

/// <summary><c>/api/model</c>: the model's card (its input schema) and a sample CSV, so an API client needs no other docs.</summary>
public static class ModelApi
{
    public const string SampleCsvPath = "/api/model/sample.csv";

    public static RouteGroupBuilder MapModelApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/model").WithTags("Model");
        api.MapGet("/", (ModelCard card) => TypedResults.Text(ModelCardJson.Serialize(card), "application/json"))
            .WithSummary("The model card: what the model predicts, its inputs with types, ranges and examples, and its metrics.")
            .Produces<string>(contentType: "application/json");
        api.MapGet("/sample.csv", (ModelCard card) => TypedResults.File(
                System.Text.Encoding.UTF8.GetBytes(SampleCsv.For(card)), "text/csv", $"{card.Name}-sample.csv"))
            .WithSummary("A small CSV with the model's input columns, ready to submit as a batch job.");
        return api;
    }
}
