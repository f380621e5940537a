namespace MlApp.Tests.Artifacts;

/// <summary>
/// One image that production runs: the project its Dockerfile publishes. The Artifacts tier publishes each one with the
/// commands of its Dockerfile, and CI builds each Dockerfile; a new image is one more row in <see cref="All"/>.
/// </summary>
/// <param name="Name">A short name, also the folder its publish output goes to (artifacts/images/{Name}).</param>
/// <param name="Project">The project folder under src/.</param>
/// <param name="Dockerfile">The Dockerfile, relative to the repository root.</param>
/// <param name="BuildTree">The folder under artifacts/images its intermediate files go to (see <see cref="PublishedArtifacts"/>).</param>
public sealed record ImageArtifact(string Name, string Project, string Dockerfile, string BuildTree = "build")
{
    public static readonly ImageArtifact Function = new("function", "MlApp.RealtimeFunction", "src/MlApp.RealtimeFunction/Dockerfile");

    public static readonly ImageArtifact Web = new("web", "MlApp.Web", "src/MlApp.Web/Dockerfile");

    public static readonly ImageArtifact Batch = new("batch", "MlApp.BatchJob", "src/MlApp.BatchJob/Dockerfile");

    /// <summary>
    /// The GPU option's worker: the same project with ONNX Runtime's CUDA build and no composite (its GpuImage publish
    /// profile). In the shared build tree it would overwrite the CPU worker's intermediate files, which have the same
    /// paths, and the next CPU publish (the batch and drain benchmarks') would compile the composite image again: about
    /// 4 minutes of CI on two cores. So it builds in a tree of its own.
    /// </summary>
    public static readonly ImageArtifact BatchGpu =
        new("batch-gpu", "MlApp.BatchJob", "src/MlApp.BatchJob/Dockerfile.gpu", BuildTree: "build-gpu");

    public static IReadOnlyList<ImageArtifact> All { get; } = [Function, Web, Batch, BatchGpu];

    public override string ToString() => Name;
}
