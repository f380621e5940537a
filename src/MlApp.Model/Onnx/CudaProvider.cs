using System.Runtime.InteropServices;
using Microsoft.ML.OnnxRuntime;

namespace MlApp.Model.Onnx;

/// <summary>
/// Whether ONNX Runtime's CUDA execution provider can be used here, and if not, why in words. Asked before ONNX Runtime
/// tries, so a machine without it gets one clear reason instead of ONNX Runtime's own "Failed to load shared library".
/// </summary>
internal static class CudaProvider
{
    private const string ProviderName = "CUDAExecutionProvider";

    /// <summary>
    /// What the provider library of ONNX Runtime 1.31's CUDA build links (readelf -d) or loads when it starts (cuDNN),
    /// in the order a person would fix them: the driver first. The provider library itself can't be probed alone: it
    /// binds at load to symbols that ONNX Runtime provides only when it loads the library itself.
    /// </summary>
    internal static readonly (string Library, string What)[] Needs =
    [
        ("libcuda.so.1", "the NVIDIA driver: no GPU is attached, or the container runs without the NVIDIA runtime"),
        ("libcudart.so.13", "the CUDA 13 runtime"),
        ("libcublasLt.so.13", "CUDA 13's cuBLASLt"),
        ("libcublas.so.13", "CUDA 13's cuBLAS"),
        ("libcurand.so.10", "CUDA 13's cuRAND"),
        ("libcudnn.so.9", "cuDNN 9"),
    ];

    /// <summary>Null when the provider is in this build and what it needs loads; otherwise the reason it can't be used.</summary>
    public static string? WhyUnavailable() => WhyUnavailable(OrtEnv.Instance().GetAvailableProviders(), library => NativeLibrary.TryLoad(library, out _));

    internal static string? WhyUnavailable(IEnumerable<string> providers, Func<string, bool> loads)
    {
        if (!providers.Contains(ProviderName))
        {
            return "this ONNX Runtime build has no CUDA execution provider (the CPU package; the GPU image is built with -p:OnnxRuntimeBuild=Cuda)";
        }

        // Loading them here costs nothing when they load: the provider's own load then finds them in the process.
        var missing = Needs.FirstOrDefault(need => !loads(need.Library));
        return missing.Library is null ? null : $"{missing.Library} can't be loaded ({missing.What})";
    }
}
