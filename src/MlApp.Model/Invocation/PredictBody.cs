using System.Text.Json;

namespace MlApp.Model.Invocation;

/// <summary>
/// The one rule for a predict body, shared by the web's <c>/api/predict</c> and the function invoked directly: JSON whose
/// every string decodes to text, with one row as <c>"input"</c> or many as <c>"inputs"</c>, never both.
/// </summary>
public static class PredictBody
{
    public const string ShapeHint = "Send {\"inputs\": [ {...}, ... ]} for many rows or {\"input\": {...}} for one.";

    /// <summary>Parses <paramref name="utf8"/>; null, and why in <paramref name="problem"/>, when it isn't JSON or its text doesn't decode.</summary>
    public static JsonDocument? Parse(ReadOnlyMemory<byte> utf8, out string? problem)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8);
        }
        catch (JsonException e)
        {
            problem = $"The body is not valid JSON: {e.Message}";
            return null;
        }

        // The parser checks structure, not text: bytes that aren't UTF-8 and lone surrogate escapes ("\ud800") pass it and
        // only fail when a string is read. Decode every string and name once here, so no later reader meets one.
        problem = UndecodableText(utf8.Span);
        if (problem is null)
        {
            return document;
        }

        document.Dispose();
        return null;
    }

    /// <summary>The rows of a parsed body, or the problems with its shape, keyed by the field they concern.</summary>
    public static PredictRows Rows(JsonElement body)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            return PredictRows.Refused(("body", ShapeHint));
        }

        var hasOne = body.TryGetProperty("input", out var one);
        var hasMany = body.TryGetProperty("inputs", out var many);
        if (hasOne && hasMany)
        {
            const string Both = "The body has both \"input\" and \"inputs\": send \"input\" for one row or \"inputs\" for many, not both.";
            return PredictRows.Refused(("input", Both), ("inputs", Both));
        }

        if (hasMany && many.ValueKind == JsonValueKind.Array)
        {
            var rows = many.EnumerateArray().ToList();
            return rows.Count == 0 ? PredictRows.Refused(("inputs", "Send at least one row.")) : new PredictRows(rows, "inputs", []);
        }

        return hasOne ? new PredictRows([one], "input", []) : PredictRows.Refused(("body", ShapeHint));
    }

    private static string? UndecodableText(ReadOnlySpan<byte> utf8)
    {
        var reader = new Utf8JsonReader(utf8);
        while (reader.Read())
        {
            if (reader.TokenType is JsonTokenType.String or JsonTokenType.PropertyName)
            {
                try
                {
                    reader.GetString();
                }
                catch (InvalidOperationException)
                {
                    return $"The {(reader.TokenType == JsonTokenType.String ? "string" : "property name")} at byte {reader.TokenStartIndex} "
                        + "is not text: it holds bytes that are not UTF-8 or an unpaired surrogate escape such as \\ud800.";
                }
            }
        }

        return null;
    }
}
