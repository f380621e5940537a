using Microsoft.Extensions.Logging;
using Microsoft.ML.OnnxRuntime;

namespace MlApp.Model.Onnx;

/// <summary>Opens the model's session on the device <c>Model:Device</c> asks for, falling back to the CPU where <c>auto</c> allows it.</summary>
internal static partial class OnnxSessions
{
    public static (InferenceSession Session, ModelDevice Device) Open(string path, int intraOpThreads, ModelDevice device, ILogger logger)
    {
        if (device == ModelDevice.Cpu)
        {
            return (OpenOn(path, intraOpThreads, cuda: false), ModelDevice.Cpu);
        }

        var reason = CudaProvider.WhyUnavailable();
        if (reason is null)
        {
            try
            {
                return (OpenOn(path, intraOpThreads, cuda: true), ModelDevice.Cuda);
            }
            catch (ModelLoadException error)
            {
                // A model that doesn't load fails on the CPU too, with the same message: only if it loads there was CUDA the problem.
                reason = $"ONNX Runtime could not start CUDA: {error.InnerException?.Message ?? error.Message}";
            }
        }

        var session = OpenOn(path, intraOpThreads, cuda: false);
        if (device == ModelDevice.Cuda)
        {
            session.Dispose();
            throw new ModelLoadException(
                $"Model:Device is {ModelDevices.Cuda}, but CUDA can't be used here: {reason}. Run the GPU image on a machine with an NVIDIA GPU, or set Model:Device to {ModelDevices.Auto} or {ModelDevices.Cpu}.");
        }

        LogFellBack(logger, reason);
        return (session, ModelDevice.Cpu);
    }

    private static InferenceSession OpenOn(string path, int intraOpThreads, bool cuda)
    {
        using var options = new SessionOptions
        {
            IntraOpNumThreads = intraOpThreads,
            InterOpNumThreads = 1,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
            LogSeverityLevel = OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR,
        };
        try
        {
            if (cuda)
            {
                // Nodes CUDA has no kernel for (ML.NET's ai.onnx.ml operators) still run, on the CPU provider behind it.
                options.AppendExecutionProvider_CUDA(0);
            }

            return new InferenceSession(path, options);
        }
        catch (OnnxRuntimeException error)
        {
            throw new ModelLoadException($"ONNX Runtime could not load '{path}': {error.Message}", error);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Model:Device is auto: running on the CPU, because {Reason}")]
    private static partial void LogFellBack(ILogger logger, string reason);
}
