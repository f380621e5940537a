using Microsoft.ML;

using MlApp.Model.Card;
namespace MlApp.Model.Training.Shared;

/// <summary>Writes model.onnx and model.json into the output folder.</summary>
internal static class OnnxExport
{
    /// <summary>Small enough for a Lambda package and a git repository without LFS.</summary>
    public const long MaxBytes = 1024 * 1024;

    /// <param name="featuresOnly">Data with the feature columns only: every column of it becomes a graph input.</param>
    /// <param name="outputColumns">The columns to export as outputs (each becomes "NAME.output").</param>
    public static long Write(MLContext ml, ITransformer model, IDataView featuresOnly, string folder, params string[] outputColumns)
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, ModelFolder.OnnxFileName);
        using (var stream = File.Create(path))
        {
            ml.Model.ConvertToOnnx(model, featuresOnly, stream, outputColumns);
        }

        var size = new FileInfo(path).Length;
        return size <= MaxBytes ? size : throw new ExportCheckException($"{path} is {size} bytes, over the {MaxBytes} byte limit.");
    }

    public static void WriteCard(ModelCard card, string folder) =>
        File.WriteAllText(Path.Combine(folder, ModelFolder.CardFileName), ModelCardJson.Serialize(card));
}
