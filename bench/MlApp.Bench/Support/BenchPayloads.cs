using System.Text.Json;
using System.Text.Json.Nodes;
using MlApp.Model;

using MlApp.Model.Card;
using MlApp.Model.Features;
namespace MlApp.Bench;

/// <summary>Request bodies made from the model's own card, so the scenarios work for any model folder.</summary>
internal static class BenchPayloads
{
    /// <summary><c>{"inputs": [row]}</c> with the card's example values: the envelope the web sends the function.</summary>
    public static byte[] ExampleEnvelope(string? modelPath)
    {
        var card = ModelCardJson.Load(Path.Combine(modelPath ?? ModelFolder.DefaultPath, ModelFolder.CardFileName));
        var row = new JsonObject();
        foreach (var field in card.Inputs)
        {
            var value = field.Example ?? (field.IsNumeric ? (FeatureValue)(field.Minimum ?? 0) : field.Categories![0]);
            row[field.Name] = value.IsCategory ? JsonValue.Create(value.Category) : JsonValue.Create(value.Number);
        }

        return JsonSerializer.SerializeToUtf8Bytes(new JsonObject { ["inputs"] = new JsonArray(row) });
    }

    /// <summary>Rows with every field inside the card's ranges and categories, the same for every run with the same seed.</summary>
    public static List<JsonObject> SampleRows(ModelCard card, int count, int seed)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, count).Select(_ =>
        {
            var row = new JsonObject();
            foreach (var field in card.Inputs)
            {
                row[field.Name] = field.Type switch
                {
                    FieldType.Category => JsonValue.Create(field.Categories![random.Next(field.Categories.Count)]),
                    FieldType.Integer => JsonValue.Create(Math.Round(Between(random, field))),
                    _ => JsonValue.Create(Math.Round(Between(random, field), 1)),
                };
            }

            return row;
        })];
    }

    /// <summary>Whether an answer is a prediction envelope with one prediction per input row of the request.</summary>
    public static bool HasPredictions(byte[] answer, byte[] request)
    {
        try
        {
            using var response = JsonDocument.Parse(answer);
            using var sent = JsonDocument.Parse(request);
            return response.RootElement.TryGetProperty("predictions", out var predictions)
                && predictions.ValueKind == JsonValueKind.Array
                && predictions.GetArrayLength() == sent.RootElement.GetProperty("inputs").GetArrayLength();
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static double Between(Random random, InputField field)
    {
        var minimum = field.Minimum ?? 0;
        var maximum = field.Maximum ?? minimum + 1;
        return minimum + (random.NextDouble() * (maximum - minimum));
    }
}
