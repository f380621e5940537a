namespace MlApp.Tests.Artifacts;

/// <summary>
/// One image that production runs: the project its Dockerfile publishes. The Artifacts tier publishes each one with the
/// commands of its Dockerfile, and CI builds each Dockerfile; a new image is one more row in <see cref="All"/>.
/// </summary>
/// <param name="Name">A short name, also the folder its publish output goes to (artifacts/images/{Name}).</param>
/// <param name="Project">The project folder under src/.</param>
/// <param name="Dockerfile">The Dockerfile, relative to the repository root.</param>
public sealed record ImageArtifact(string Name, string Project, string Dockerfile)
{
    public static readonly ImageArtifact Function = new("function", "MlApp.RealtimeFunction", "src/MlApp.RealtimeFunction/Dockerfile");

    public static readonly ImageArtifact Web = new("web", "MlApp.Web", "src/MlApp.Web/Dockerfile");

    public static readonly ImageArtifact Batch = new("batch", "MlApp.BatchJob", "src/MlApp.BatchJob/Dockerfile");

    /// <summary>The GPU option's worker: the same project with ONNX Runtime's CUDA build (its GpuImage publish profile).</summary>
    public static readonly ImageArtifact BatchGpu = new("batch-gpu", "MlApp.BatchJob", "src/MlApp.BatchJob/Dockerfile.gpu");

    public static IReadOnlyList<ImageArtifact> All { get; } = [Function, Web, Batch, BatchGpu];

    public override string ToString() => Name;
}
