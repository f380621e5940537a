using Microsoft.AspNetCore.Http;

namespace MlApp.Hosting.LocalAws.Lambda;

/// <summary>The checks Lambda makes of an Invoke call before its payload: the function's name and qualifier, and LogType.</summary>
internal static class InvokeRequest
{
    public sealed record ServiceError(int Status, string ErrorType, string Message);

    /// <returns>The error Lambda answers the call with, or null when the call names <paramref name="function"/> and its options are valid.</returns>
    public static ServiceError? Resolve(LambdaFunctionRegistry functions, string functionName, HttpRequest request, out LambdaFunctionQueue function)
    {
        function = null!;
        if (FunctionReference.Parse(functionName) is not { } reference)
        {
            return new(StatusCodes.Status400BadRequest, "ValidationException",
                $"1 validation error detected: Value '{functionName}' at 'functionName' failed to satisfy constraint: Member must satisfy regular expression pattern: "
                + "(arn:(aws[a-zA-Z-]*)?:lambda:)?([a-z]{2}(-gov)?-[a-z]+-\\d{1}:)?(\\d{12}:)?(function:)?([a-zA-Z0-9-_\\.]+)(:(\\$LATEST|[a-zA-Z0-9-_]+))?");
        }

        var queryQualifier = request.Query["Qualifier"].FirstOrDefault();
        if (reference.Qualifier is not null && queryQualifier is not null && reference.Qualifier != queryQualifier)
        {
            return new(StatusCodes.Status400BadRequest, "InvalidParameterValueException",
                "The derived qualifier from the function name does not match the specified qualifier.");
        }

        if (!reference.IsLocal || !functions.TryGet(reference.Name, out function))
        {
            return new(StatusCodes.Status404NotFound, "ResourceNotFoundException", $"Function not found: {reference.Arn(reference.Qualifier ?? queryQualifier)}");
        }

        return request.Headers["X-Amz-Log-Type"].FirstOrDefault() is null or "None" or "Tail"
            ? null
            : new(StatusCodes.Status400BadRequest, "InvalidParameterValueException", "LogType must be None or Tail.");
    }

    /// <summary>Whether the caller asked for the last 4 KB of the invocation's log (<c>X-Amz-Log-Type: Tail</c>).</summary>
    public static bool WantsTail(HttpRequest request) => request.Headers["X-Amz-Log-Type"].FirstOrDefault() == "Tail";
}
