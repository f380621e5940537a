namespace MlApp.Model.Hosting;

/// <summary>Where the model comes from; bound from the <c>Model</c> section (env <c>Model__Path</c>, <c>Model__S3Uri</c>).</summary>
public sealed class ModelOptions
{
    public const string SectionName = "Model";

    /// <summary>
    /// A folder with model.onnx and model.json; a relative path is relative to the app's folder (so <c>models/NAME</c>
    /// picks a model shipped in src/MlApp.Model/models). Unset: the demo model, <c>models/penguins</c> (or <see cref="S3Uri"/>).
    /// </summary>
    public string? Path { get; set; }

    /// <summary><c>s3://bucket/prefix/</c> holding model.onnx and model.json; downloaded once at start-up.</summary>
    public string? S3Uri { get; set; }

    /// <summary>Threads inside one model run: 1 suits small tabular graphs, 0 lets ONNX Runtime choose.</summary>
    public int IntraOpThreads { get; set; } = 1;

    /// <summary>
    /// <c>auto</c> (default): CUDA when this ONNX Runtime build and machine can run it, else the CPU, with one log line
    /// that says why; <c>cpu</c>: never try the GPU; <c>cuda</c>: the GPU or no start at all.
    /// </summary>
    public string Device { get; set; } = ModelDevices.Auto;
}
