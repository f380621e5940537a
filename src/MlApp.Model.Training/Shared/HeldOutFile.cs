using System.Text.Json;
using System.Text.Json.Serialization;

namespace MlApp.Model.Training.Shared;

/// <summary>The held-out rows with ML.NET's own predictions, written for the tests that compare ONNX Runtime against them.</summary>
internal static class HeldOutFile
{
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static void Write(string? path, HeldOutSet set)
    {
        if (path is null)
        {
            return;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        File.WriteAllText(path, JsonSerializer.Serialize(set, Options) + "\n");
    }
}
