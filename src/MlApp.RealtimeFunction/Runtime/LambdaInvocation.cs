namespace MlApp.RealtimeFunction.Runtime;

/// <summary>One event from the Runtime API's <c>next</c>, with the headers that matter to a handler.</summary>
public sealed record LambdaInvocation(
    string RequestId,
    DateTimeOffset Deadline,
    string? FunctionArn,
    string? TraceId,
    byte[] Payload);
