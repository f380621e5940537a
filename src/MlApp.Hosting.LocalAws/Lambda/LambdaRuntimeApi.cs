using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using MlApp.ServiceDefaults.Http;

namespace MlApp.Hosting.LocalAws.Lambda;

/// <summary>
/// The Runtime API under <c>/{function}/2018-06-01/runtime/</c>: each function instance gets
/// <c>AWS_LAMBDA_RUNTIME_API=host:port/{function}</c>, so one emulator serves several functions by name.
/// </summary>
internal static class LambdaRuntimeApi
{
    /// <summary>
    /// Sent instead of the real payload when a fault is injected: valid JSON that no handler expects, so the function's own
    /// error path (its exception, the Runtime API's <c>/error</c>, the caller's function error) runs for real.
    /// </summary>
    private static readonly byte[] FaultPayload = "\"fault injected by the Lambda emulator\""u8.ToArray();

    public static void MapLambdaRuntimeApi(this IEndpointRouteBuilder app, LambdaFunctionRegistry functions, ILogger logger)
    {
        var runtime = app.MapGroup("/{name}/2018-06-01/runtime");

        runtime.MapGet("/invocation/next", async (HttpContext context, string name) =>
        {
            if (!functions.TryGet(name, out var function))
            {
                return Results.NotFound();
            }

            var invocation = await function.NextAsync(context.RequestAborted);
            try
            {
                var headers = context.Response.Headers;
                headers["Lambda-Runtime-Aws-Request-Id"] = invocation.RequestId;
                headers["Lambda-Runtime-Deadline-Ms"] = invocation.Take().ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
                headers["Lambda-Runtime-Invoked-Function-Arn"] = function.Settings.Arn;
                if (invocation.TraceId is not null)
                {
                    headers["Lambda-Runtime-Trace-Id"] = invocation.TraceId;
                }

                context.Response.ContentType = "application/json";
                invocation.Log?.Started();
                await context.Response.Body.WriteAsync(function.TakeFault() ? FaultPayload : invocation.Payload, context.RequestAborted);
                await context.Response.Body.FlushAsync(context.RequestAborted);
                InstanceExit.Watch(context, function, invocation, logger);
                function.MarkDelivered();
            }
            catch (Exception e) when (e is IOException or OperationCanceledException)
            {
                // The instance went away between taking the event and receiving it (killed, restarting): the event is
                // still undelivered, so it goes back to the queue instead of waiting out the timeout.
                function.ReturnUndelivered(invocation);
            }

            return Results.Empty;
        });

        runtime.MapPost("/invocation/{requestId}/response", async (HttpContext context, string name, string requestId) =>
        {
            if (!TryTake(functions, name, requestId, out var invocation))
            {
                return InvalidRequestId();
            }

            var body = await BoundedBody.ReadAsync(context.Request, LambdaWire.MaxSyncPayloadBytes, context.RequestAborted);
            if (body is null)
            {
                invocation.TryComplete(InvocationOutcome.Error(LambdaWire.ErrorDocument(
                    "Function.ResponseSizeTooLarge", $"Response payload size exceeded maximum allowed payload size ({LambdaWire.MaxSyncPayloadBytes} bytes).")));
                return Results.Json(new { errorMessage = "Payload too large", errorType = "RequestEntityTooLarge" }, statusCode: StatusCodes.Status413PayloadTooLarge);
            }

            invocation.TryComplete(InvocationOutcome.Success(body));
            return Accepted();
        });

        runtime.MapPost("/invocation/{requestId}/error", async (HttpContext context, string name, string requestId) =>
        {
            if (!TryTake(functions, name, requestId, out var invocation))
            {
                return InvalidRequestId();
            }

            invocation.TryComplete(InvocationOutcome.Error(await ReadErrorAsync(context)));
            return Accepted();
        });

        runtime.MapPost("/init/error", async (HttpContext context, string name) =>
        {
            if (!functions.TryGet(name, out var function))
            {
                return Results.NotFound();
            }

            function.InitError = await ReadErrorAsync(context);
            LambdaEmulatorLog.InitFailed(logger, name);
            return Accepted();
        });
    }

    private static bool TryTake(LambdaFunctionRegistry functions, string name, string requestId, out PendingInvocation invocation)
    {
        invocation = null!;
        return functions.TryGet(name, out var function) && function.TryTakeInFlight(requestId, out invocation);
    }

    private static async Task<byte[]> ReadErrorAsync(HttpContext context) =>
        await BoundedBody.ReadAsync(context.Request, LambdaWire.MaxSyncPayloadBytes, context.RequestAborted)
            ?? LambdaWire.ErrorDocument("Runtime.ErrorTooLarge", "The runtime reported an error document over the payload limit.");

    private static IResult Accepted() => Results.Json(new { status = "OK" }, statusCode: StatusCodes.Status202Accepted);

    private static IResult InvalidRequestId() =>
        Results.Json(new { errorMessage = "Invalid request ID", errorType = "InvalidRequestID" }, statusCode: StatusCodes.Status400BadRequest);
}
