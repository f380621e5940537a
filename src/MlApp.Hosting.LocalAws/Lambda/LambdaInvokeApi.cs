using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using MlApp.ServiceDefaults.Http;

namespace MlApp.Hosting.LocalAws.Lambda;

/// <summary>
/// <c>POST /2015-03-31/functions/{name}/invocations</c>: the Invoke API the web calls, with Lambda's limits and errors.
/// The function may be named as AWS allows (see <see cref="FunctionReference"/>). Every local function has one version,
/// so any qualifier (an alias such as <c>live</c>, or <c>$LATEST</c>) names it.
/// </summary>
internal static class LambdaInvokeApi
{
    public static void MapLambdaInvokeApi(this IEndpointRouteBuilder app, LambdaFunctionRegistry functions, TimeProvider time, ILogger logger)
    {
        app.MapPost("/2015-03-31/functions/{name}/invocations", async (HttpContext context, string name) =>
        {
            var request = context.Request;
            var response = context.Response;
            if (InvokeRequest.Resolve(functions, name, request, out var function) is { } refusal)
            {
                await LambdaWire.ServiceErrorAsync(response, refusal.Status, refusal.ErrorType, refusal.Message);
                return;
            }

            var invocationType = request.Headers["X-Amz-Invocation-Type"].FirstOrDefault() ?? "RequestResponse";
            var limit = invocationType == "Event" ? LambdaWire.MaxAsyncPayloadBytes : LambdaWire.MaxSyncPayloadBytes;
            var payload = await BoundedBody.ReadAsync(request, limit, context.RequestAborted);
            if (payload is null)
            {
                await LambdaWire.ServiceErrorAsync(response, StatusCodes.Status413PayloadTooLarge, "RequestEntityTooLargeException",
                    $"Request must be smaller than {limit} bytes for the InvokeFunction operation");
                return;
            }

            if (payload.Length > 0 && !LambdaWire.IsJson(payload))
            {
                await LambdaWire.ServiceErrorAsync(response, StatusCodes.Status400BadRequest, "InvalidRequestContentException",
                    "Could not parse request body into json: the payload is not valid JSON.");
                return;
            }

            switch (invocationType)
            {
                case "DryRun":
                    response.StatusCode = StatusCodes.Status204NoContent;
                    return;
                case "Event":
                    function.Enqueue(new PendingInvocation(payload, function.Settings.Timeout, time, null));
                    response.StatusCode = StatusCodes.Status202Accepted;
                    return;
                case "RequestResponse":
                    await InvokeAndWaitAsync(context, function, payload, InvokeRequest.WantsTail(request), time, logger);
                    return;
                default:
                    await LambdaWire.ServiceErrorAsync(response, StatusCodes.Status400BadRequest, "InvalidParameterValueException",
                        $"Invalid invocation type '{invocationType}': use RequestResponse, Event or DryRun.");
                    return;
            }
        });
    }

    private static async Task InvokeAndWaitAsync(HttpContext context, LambdaFunctionQueue function, byte[] payload, bool tail, TimeProvider time, ILogger logger)
    {
        // An instance that failed to start and none polling: the call gets the init error, as in AWS.
        if (function.InitError is { } initError && function.PollingInstances == 0)
        {
            await LambdaWire.FunctionErrorAsync(context.Response, initError);
            return;
        }

        var invocation = new PendingInvocation(payload, function.Settings.Timeout, time, context.Request.Headers["X-Amzn-Trace-Id"].FirstOrDefault());
        if (tail)
        {
            function.KeepLog(invocation);
        }

        function.Enqueue(invocation);
        LambdaEmulatorLog.Invoked(logger, function.Settings.Name, invocation.RequestId, payload.Length);

        // The function's timeout runs from when an instance takes the call (PendingInvocation.Take). A caller that hangs
        // up frees its place: no instance should work on an answer nobody will read.
        using var _ = context.RequestAborted.Register(() => invocation.TryComplete(InvocationOutcome.Error([])));

        var outcome = await invocation.Outcome;
        if (invocation.Log is { } log)
        {
            log.Ended();
            // The function's lines reach the emulator through its log stream, a moment after its answer.
            await Task.Delay(FunctionLogLag, time, CancellationToken.None);
            context.Response.Headers["X-Amz-Log-Result"] = log.EndAndTail();
        }

        function.Forget(invocation);
        if (context.RequestAborted.IsCancellationRequested)
        {
            return;
        }

        if (outcome.IsFunctionError)
        {
            LambdaEmulatorLog.Failed(logger, function.Settings.Name, invocation.RequestId);
            await LambdaWire.FunctionErrorAsync(context.Response, outcome.Body);
            return;
        }

        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.Headers["X-Amz-Executed-Version"] = "$LATEST";
        context.Response.ContentType = "application/json";
        await context.Response.Body.WriteAsync(outcome.Body, context.RequestAborted);
    }

    /// <summary>How long a tail waits for the function's last lines to arrive after its answer.</summary>
    private static readonly TimeSpan FunctionLogLag = TimeSpan.FromMilliseconds(250);
}
