using System.Text.Json;

namespace MlApp.Tests.Unit.Model;

/// <summary>The held-out rows with ML.NET's own predictions, as the training command wrote them next to the model.</summary>
internal sealed record HeldOutAsset(IReadOnlyList<string> Classes, IReadOnlyList<HeldOutAsset.Row> Rows)
{
    public static HeldOutAsset Load(string fileName)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(TestModels.Asset(fileName)));
        var root = document.RootElement;
        var classes = root.TryGetProperty("classes", out var names) ? names.EnumerateArray().Select(name => name.GetString()!).ToList() : [];
        var rows = root.GetProperty("rows").EnumerateArray().Select(row => new Row(
            row.GetProperty("input").Clone(),
            row.TryGetProperty("label", out var label) ? label.GetString() : null,
            row.TryGetProperty("scores", out var scores) ? [.. scores.EnumerateArray().Select(score => score.GetSingle())] : null,
            row.TryGetProperty("value", out var value) ? value.GetSingle() : null)).ToList();
        return new HeldOutAsset(classes, rows);
    }

    public sealed record Row(JsonElement Input, string? Label, IReadOnlyList<float>? Scores, float? Value);
}
