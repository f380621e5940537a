using System.Text.Json;

namespace MlApp.Model.Invocation;

/// <summary>The rows a predict body carries and the field they came in (<c>input</c> or <c>inputs</c>), or why there are none.</summary>
public sealed record PredictRows(IReadOnlyList<JsonElement> Rows, string Field, IReadOnlyList<(string Key, string Message)> Problems)
{
    public bool IsValid => Problems.Count == 0;

    /// <summary>How a row is named in errors: <c>inputs[2]</c>, or <c>input</c> for the one row.</summary>
    public string RowName(int index) => Field == "inputs" ? $"inputs[{index}]" : "input";

    public static PredictRows Refused(params (string Key, string Message)[] problems) => new([], "", problems);
}
