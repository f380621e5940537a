using Microsoft.AspNetCore.Connections.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace MlApp.Hosting.LocalAws.Lambda;

/// <summary>
/// Notices an instance that dies holding an invocation. In AWS the sandbox's process exit ends the invocation at once
/// with <c>Runtime.ExitError</c>; here the only sign is that the instance's connection to the Runtime API closes (the
/// kernel closes it when the process dies). Without this the caller would wait out the whole function timeout and then
/// be told the task timed out, which misleads whoever reads it.
/// </summary>
/// <remarks>
/// An instance keeps its connection open from taking an event to answering it; .NET's HttpClient closes an idle pooled
/// connection after a minute, so a handler running longer than that (and a function timeout allowing it) would read as
/// an exit. The local functions time out after 30 s.
/// </remarks>
internal static class InstanceExit
{
    public static void Watch(HttpContext context, LambdaFunctionQueue function, PendingInvocation invocation, ILogger logger)
    {
        if (context.Features.Get<IConnectionLifetimeFeature>() is not { } connection)
        {
            return;
        }

        var watch = connection.ConnectionClosed.Register(() =>
        {
            // Still in flight means the instance never answered: take it, so a late answer is refused as AWS refuses it.
            if (function.TryTakeInFlight(invocation.RequestId, out _) && invocation.TryComplete(InvocationOutcome.Error(LambdaWire.ErrorDocument(
                "Runtime.ExitError", $"RequestId: {invocation.RequestId} Error: Runtime exited before answering: the instance's connection to the Runtime API closed"))))
            {
                LambdaEmulatorLog.InstanceExited(logger, function.Settings.Name, invocation.RequestId);
            }
        });

        // Instances reuse their connection for many invocations: each watch ends with its own invocation.
        _ = invocation.Outcome.ContinueWith(_ => watch.Dispose(), TaskScheduler.Default);
    }
}
