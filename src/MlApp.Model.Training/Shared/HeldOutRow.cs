using System.Text.Json;

using MlApp.Model.Features;
namespace MlApp.Model.Training.Shared;

/// <summary>One held-out row: its inputs, the truth, and what ML.NET predicted (label and scores, or value).</summary>
internal sealed record HeldOutRow(
    IReadOnlyDictionary<string, FeatureValue> Input,
    JsonElement Actual,
    string? Label = null,
    IReadOnlyList<float>? Scores = null,
    float? Value = null);
