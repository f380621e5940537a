using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

using MlApp.Model.Card;
using MlApp.Model.Features;
namespace MlApp.Web.Predictions;

/// <summary>
/// Turns the prediction form's text boxes into a JSON row and checks it with the API's own reader, so the page and the
/// API accept and refuse exactly the same inputs. Errors are keyed by field name; an empty key is about the whole row.
/// </summary>
public static class FormRow
{
    public sealed record Parsed(JsonElement? Row, IReadOnlyDictionary<string, string> Errors);

    public static Parsed Read(IReadOnlyDictionary<string, string?> form, JsonFeatureReader reader)
    {
        var row = new JsonObject();
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var field in reader.Card.Inputs)
        {
            var text = form.GetValueOrDefault(field.Name)?.Trim();
            if (string.IsNullOrEmpty(text))
            {
                // Left empty: the reader decides whether the field may be missing, with the same words as the API.
                continue;
            }

            if (!field.IsNumeric)
            {
                row[field.Name] = text;
            }
            else if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number))
            {
                row[field.Name] = number;
            }
            else
            {
                errors[field.Name] = $"'{text}' is not a number. Enter a {(field.Type == FieldType.Integer ? "whole number" : "number")} such as {field.Example?.ToString() ?? "1"}.";
            }
        }

        var element = JsonSerializer.SerializeToElement(row);
        // A field that didn't parse is left out of the row: skip the reader's "missing" for it.
        var unparsed = errors.Keys.ToHashSet(StringComparer.Ordinal);
        foreach (var error in reader.Read(element).Errors.Where(error => !unparsed.Contains(error.Field)))
        {
            errors[error.Field] = errors.TryGetValue(error.Field, out var earlier) ? $"{earlier} {error.Message}" : error.Message;
        }

        return new Parsed(errors.Count == 0 ? element : null, errors);
    }
}
