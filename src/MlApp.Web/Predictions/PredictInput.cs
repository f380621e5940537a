using System.Text.Json;

using MlApp.Model.Features;
namespace MlApp.Web.Predictions;

/// <summary>
/// Reads a predict body, <c>{"inputs": [row, ...]}</c> or <c>{"input": row}</c>, and validates every row against the
/// model's card. Errors are keyed like <c>inputs[2].bill_length_mm</c>, so a caller can find each one.
/// </summary>
public static class PredictInput
{
    public sealed record Parsed(IReadOnlyList<JsonElement> Rows, Dictionary<string, string[]> Errors);

    public static Parsed Read(JsonElement body, JsonFeatureReader reader, int maxRows)
    {
        var errors = new Dictionary<string, string[]>();
        var (rows, prefix) = body switch
        {
            { ValueKind: JsonValueKind.Object } when body.TryGetProperty("inputs", out var inputs) && inputs.ValueKind == JsonValueKind.Array =>
                (inputs.EnumerateArray().ToList(), "inputs"),
            { ValueKind: JsonValueKind.Object } when body.TryGetProperty("input", out var input) =>
                ([input], "input"),
            _ => (new List<JsonElement>(), ""),
        };

        if (prefix == "")
        {
            errors["body"] = ["Send {\"inputs\": [ {...}, ... ]} for many rows or {\"input\": {...}} for one."];
        }
        else if (rows.Count == 0)
        {
            errors[prefix] = ["Send at least one row."];
        }
        else if (rows.Count > maxRows)
        {
            errors[prefix] = [$"{rows.Count} rows were sent; one request takes at most {maxRows}. Submit a batch job for more."];
        }
        else
        {
            for (var index = 0; index < rows.Count; index++)
            {
                var rowName = prefix == "inputs" ? $"inputs[{index}]" : "input";
                foreach (var error in reader.Read(rows[index]).Errors)
                {
                    var key = error.Field.Length == 0 ? rowName : $"{rowName}.{error.Field}";
                    errors[key] = [.. errors.GetValueOrDefault(key, []), error.Message];
                }
            }
        }

        return new Parsed(rows, errors);
    }
}
