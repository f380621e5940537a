using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace MlApp.Hosting.LocalAws.Lambda;

/// <summary>Lambda's answers as AWS sends them: service errors name their type in <c>x-amzn-ErrorType</c>; function errors are a 200.</summary>
internal static class LambdaWire
{
    public const int MaxSyncPayloadBytes = 6 * 1024 * 1024;
    public const int MaxAsyncPayloadBytes = 1024 * 1024;

    public static Task ServiceErrorAsync(HttpResponse response, int status, string errorType, string message)
    {
        response.StatusCode = status;
        response.Headers["x-amzn-ErrorType"] = errorType;
        response.ContentType = "application/json";
        return response.WriteAsync(JsonSerializer.Serialize(new Dictionary<string, string> { ["Type"] = "User", ["message"] = message }));
    }

    public static Task FunctionErrorAsync(HttpResponse response, byte[] errorDocument)
    {
        response.StatusCode = StatusCodes.Status200OK;
        response.Headers["X-Amz-Function-Error"] = "Unhandled";
        response.Headers["X-Amz-Executed-Version"] = "$LATEST";
        response.ContentType = "application/json";
        return response.Body.WriteAsync(errorDocument).AsTask();
    }

    /// <summary>An error document in the runtime's own shape, for failures the emulator detects itself (timeouts, oversize).</summary>
    public static byte[] ErrorDocument(string errorType, string errorMessage) =>
        JsonSerializer.SerializeToUtf8Bytes(new { errorMessage, errorType, stackTrace = Array.Empty<string>() });

    public static bool IsJson(byte[] payload)
    {
        try
        {
            using var _ = JsonDocument.Parse(payload);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
