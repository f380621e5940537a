using MlApp.Model.Onnx;
using MlApp.Model;

namespace MlApp.Tests.Unit.Model;

/// <summary>
/// Why CUDA can't run, on a CUDA build of ONNX Runtime: this machine has only the CPU build, so what the dynamic loader
/// would find is given to the check.
/// </summary>
[Trait("Category", "Unit")]
public sealed class CudaProviderTests
{
    private static readonly string[] CudaBuild = ["TensorrtExecutionProvider", "CUDAExecutionProvider", "CPUExecutionProvider"];

    [Fact]
    public void A_CUDA_build_on_a_machine_with_driver_CUDA_and_cuDNN_can_use_CUDA()
    {
        Assert.Null(CudaProvider.WhyUnavailable(CudaBuild, _ => true));
    }

    [Fact]
    public void Without_the_NVIDIA_driver_the_reason_is_the_driver_even_when_CUDA_is_missing_too()
    {
        var reason = CudaProvider.WhyUnavailable(CudaBuild, _ => false);

        Assert.Equal("libcuda.so.1 can't be loaded (the NVIDIA driver: no GPU is attached, or the container runs without the NVIDIA runtime)", reason);
    }

    [Theory]
    [InlineData("libcublasLt.so.13", "CUDA 13's cuBLASLt")]
    [InlineData("libcudnn.so.9", "cuDNN 9")]
    public void With_the_driver_but_without_a_CUDA_library_the_reason_names_that_library(string missing, string what)
    {
        var reason = CudaProvider.WhyUnavailable(CudaBuild, library => library != missing);

        Assert.Equal($"{missing} can't be loaded ({what})", reason);
    }

    [Fact]
    public void The_CPU_build_is_told_apart_before_any_library_is_looked_for()
    {
        var looked = new List<string>();

        var reason = CudaProvider.WhyUnavailable(["CPUExecutionProvider"], library => { looked.Add(library); return true; });

        Assert.StartsWith("this ONNX Runtime build has no CUDA execution provider", reason, StringComparison.Ordinal);
        Assert.Empty(looked);
    }
}
