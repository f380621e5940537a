namespace MlApp.RealtimeFunction.Runtime;

/// <summary>What the function does with one event. An exception becomes an invocation error; the runtime keeps serving.</summary>
public interface ILambdaHandler
{
    Task<byte[]> HandleAsync(LambdaInvocation invocation, CancellationToken cancellationToken);
}
