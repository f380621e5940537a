using Microsoft.Extensions.Logging;

namespace MlApp.Hosting.LocalAws.Ecs;

/// <summary>What the ECS emulator tells the dashboard: one line per task call and per resource state, so a person can follow a dispatch.</summary>
internal static partial class EcsEmulatorLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "RunTask {Family}: {Count} task(s), {Action}")]
    public static partial void RunTask(ILogger logger, string family, int count, string action);

    [LoggerMessage(Level = LogLevel.Warning, Message = "RunTask {Family}: fault injected, {Count} capacity failure(s) and no task")]
    public static partial void RunTaskFailed(ILogger logger, string family, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "StopTask {Family} {TaskId}: {Reason}")]
    public static partial void StopTask(ILogger logger, string family, string taskId, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Resource of {Family} is {Phase} (exit code {ExitCode})")]
    public static partial void ResourceState(ILogger logger, string family, ResourcePhase phase, int? exitCode);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not start the resource of {Family}; its tasks stop as TaskFailedToStart")]
    public static partial void StartFailed(ILogger logger, string family, Exception error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not stop the resource of {Family}; its tasks stay STOPPING")]
    public static partial void StopFailed(ILogger logger, string family, Exception error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Watching the task resources failed; task states no longer follow them")]
    public static partial void WatchFailed(ILogger logger, Exception error);
}
