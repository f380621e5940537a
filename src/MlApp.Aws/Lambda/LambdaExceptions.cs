using System.Net;

namespace MlApp.Aws.Lambda;

/// <summary>Lambda did not return a result. The subclasses say why, so the web can answer with the right status.</summary>
public abstract class LambdaInvokeException(string message) : Exception(message);

/// <summary>The function ran and failed (<c>X-Amz-Function-Error</c>): a bug or a bad model, not something to retry.</summary>
public sealed class LambdaFunctionException(string errorKind, string errorType, string errorMessage)
    : LambdaInvokeException($"The function failed ({errorKind}): {errorType}: {errorMessage}")
{
    /// <summary><c>Handled</c> or <c>Unhandled</c>, as Lambda reports it.</summary>
    public string ErrorKind { get; } = errorKind;

    public string ErrorType { get; } = errorType;

    public string ErrorMessage { get; } = errorMessage;
}

/// <summary>Lambda refused for capacity (429) on every try; the caller should come back later.</summary>
public sealed class LambdaThrottledException(TimeSpan? retryAfter)
    : LambdaInvokeException("The function is at its concurrency limit; try again shortly.")
{
    public TimeSpan? RetryAfter { get; } = retryAfter;
}

/// <summary>The request payload is over Lambda's limit (6 MB for a synchronous call).</summary>
public sealed class LambdaPayloadTooLargeException(long payloadBytes)
    : LambdaInvokeException($"The request is {payloadBytes} bytes; Lambda accepts at most {LambdaInvoker.MaxPayloadBytes} bytes in one call.")
{
    public long PayloadBytes { get; } = payloadBytes;
}

/// <summary>No such function or qualifier: a deployment or configuration error.</summary>
public sealed class LambdaFunctionNotFoundException(string functionName, string message)
    : LambdaInvokeException($"Function '{functionName}' was not found: {message}");

/// <summary>Lambda itself failed (5xx) on every try, or answered in a way this client does not understand.</summary>
public sealed class LambdaServiceException(HttpStatusCode status, string errorType, string message)
    : LambdaInvokeException($"Lambda answered {(int)status} {errorType}: {message}")
{
    public HttpStatusCode Status { get; } = status;

    public string ErrorType { get; } = errorType;
}
