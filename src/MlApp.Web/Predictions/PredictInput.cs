using System.Text.Json;
using MlApp.Model.Features;
using MlApp.Model.Invocation;

namespace MlApp.Web.Predictions;

/// <summary>
/// Reads a predict body by <see cref="PredictBody"/>'s shape rule and validates every row against the model's card.
/// Errors are keyed like <c>inputs[2].bill_length_mm</c>, so a caller can find each one.
/// </summary>
public static class PredictInput
{
    public sealed record Parsed(IReadOnlyList<JsonElement> Rows, Dictionary<string, string[]> Errors);

    public static Parsed Read(JsonElement body, JsonFeatureReader reader, int maxRows)
    {
        var errors = new Dictionary<string, string[]>();
        var shape = PredictBody.Rows(body);
        foreach (var (key, message) in shape.Problems)
        {
            errors[key] = [message];
        }

        if (shape.IsValid && shape.Rows.Count > maxRows)
        {
            errors[shape.Field] = [$"{shape.Rows.Count} rows were sent; one request takes at most {maxRows}. Submit a batch job for more."];
        }
        else if (shape.IsValid)
        {
            for (var index = 0; index < shape.Rows.Count; index++)
            {
                var rowName = shape.RowName(index);
                foreach (var error in reader.Read(shape.Rows[index]).Errors)
                {
                    var key = error.Field.Length == 0 ? rowName : $"{rowName}.{error.Field}";
                    errors[key] = [.. errors.GetValueOrDefault(key, []), error.Message];
                }
            }
        }

        return new Parsed(shape.Rows, errors);
    }
}
