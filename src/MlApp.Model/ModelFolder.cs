namespace MlApp.Model;

/// <summary>The layout of a model folder: <c>model.onnx</c> and <c>model.json</c> side by side, nothing else needed.</summary>
public static class ModelFolder
{
    public const string OnnxFileName = "model.onnx";

    public const string CardFileName = "model.json";

    /// <summary>The demo model, which the build copies next to every app that references MlApp.Model.</summary>
    public static string DefaultPath => Path.Combine(AppContext.BaseDirectory, "models", "penguins");

    /// <summary>Fails with every missing piece named, so a wrong path is obvious from the message alone.</summary>
    public static void EnsureComplete(string folder)
    {
        if (!Directory.Exists(folder))
        {
            throw new ModelLoadException($"The model folder '{folder}' does not exist. Set Model:Path (env Model__Path) to a folder with {OnnxFileName} and {CardFileName}.");
        }

        var missing = new[] { OnnxFileName, CardFileName }.Where(name => !File.Exists(Path.Combine(folder, name))).ToList();
        if (missing.Count > 0)
        {
            throw new ModelLoadException($"The model folder '{folder}' has no {string.Join(" and no ", missing)}; a model folder holds {OnnxFileName} and {CardFileName}.");
        }
    }
}
