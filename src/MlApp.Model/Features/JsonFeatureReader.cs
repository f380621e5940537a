using System.Text.Json;

using MlApp.Model.Card;
namespace MlApp.Model.Features;

/// <summary>
/// Turns a JSON object such as <c>{"island": "Biscoe", "bill_length_mm": 39.1}</c> into a validated row, the way the
/// web API receives it. Every problem is reported, not just the first, so a caller can fix a request in one go.
/// Thread-safe: build one per card and share it.
/// </summary>
public sealed class JsonFeatureReader(ModelCard card)
{
    private readonly Dictionary<string, InputField> fields = card.Inputs.ToDictionary(field => field.Name, StringComparer.Ordinal);

    public ModelCard Card => card;

    public ReadResult<FeatureRow> Read(JsonElement input)
    {
        if (input.ValueKind != JsonValueKind.Object)
        {
            return ReadResult<FeatureRow>.Failure([FieldErrors.NotAnObject(Describe(input))]);
        }

        var values = new List<KeyValuePair<string, FeatureValue>>(fields.Count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var errors = new List<FieldError>();
        foreach (var property in input.EnumerateObject())
        {
            if (!seen.Add(property.Name))
            {
                errors.Add(FieldErrors.Duplicate(property.Name));
            }
            else if (!fields.TryGetValue(property.Name, out var field))
            {
                errors.Add(FieldErrors.Unknown(property.Name, card.Inputs));
            }
            else if (property.Value.ValueKind == JsonValueKind.Null)
            {
                // An optional field given as null is the same as leaving it out.
                if (field.Required)
                {
                    errors.Add(FieldErrors.Null(field));
                }
            }
            else if (ReadValue(field, property.Value, out var value) is { } error)
            {
                errors.Add(error);
            }
            else
            {
                values.Add(new(field.Name, value));
            }
        }

        errors.AddRange(card.Inputs.Where(field => field.Required && !seen.Contains(field.Name)).Select(FieldErrors.Missing));
        return errors.Count == 0 ? ReadResult<FeatureRow>.Success(new FeatureRow(values)) : ReadResult<FeatureRow>.Failure(errors);
    }

    private static FieldError? ReadValue(InputField field, JsonElement element, out FeatureValue value)
    {
        value = default;
        if (!field.IsNumeric)
        {
            if (element.ValueKind != JsonValueKind.String)
            {
                return FieldErrors.WrongType(field, Describe(element));
            }

            var category = element.GetString()!;
            value = category;
            return FieldRules.CheckCategory(field, category);
        }

        double number;
        switch (element.ValueKind)
        {
            case JsonValueKind.Number when element.TryGetDouble(out number):
                break;
            case JsonValueKind.Number:
                // Only a literal beyond double's range fails to parse; it is as unusable as an infinity.
                return FieldErrors.Infinite(field, element.GetRawText().StartsWith('-') ? double.NegativeInfinity : double.PositiveInfinity);
            case JsonValueKind.String when NamedFloat(element.GetString()!) is { } named:
                // JSON has no NaN or Infinity; serializers that allow them write these strings.
                number = named;
                break;
            default:
                return FieldErrors.WrongType(field, Describe(element));
        }

        value = number;
        return FieldRules.CheckNumber(field, number);
    }

    private static double? NamedFloat(string text) => text switch
    {
        "NaN" => double.NaN,
        "Infinity" => double.PositiveInfinity,
        "-Infinity" => double.NegativeInfinity,
        _ => null,
    };

    private static string Describe(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Array => "an array",
        JsonValueKind.Object => "an object",
        _ => "null",
    };
}
