using Microsoft.Extensions.Logging;

namespace MlApp.Hosting.LocalAws.Lambda;

/// <summary>What the emulator tells the dashboard: one line per invocation, so a person can follow the calls.</summary>
internal static partial class LambdaEmulatorLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Invoke {Function} {RequestId} ({Bytes} bytes)")]
    public static partial void Invoked(ILogger logger, string function, string requestId, int bytes);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Invoke {Function} {RequestId} ended in a function error")]
    public static partial void Failed(ILogger logger, string function, string requestId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Invoke {Function} {RequestId}: the instance exited before answering (Runtime.ExitError)")]
    public static partial void InstanceExited(ILogger logger, string function, string requestId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Function {Function} reported an init error; calls fail until an instance polls again")]
    public static partial void InitFailed(ILogger logger, string function);
}
