using System.Text.Json.Serialization;

namespace MlApp.RealtimeFunction.Runtime;

/// <summary>The error document the Runtime API takes on <c>/error</c> and <c>/init/error</c>, and Invoke's caller receives.</summary>
public sealed record LambdaError(
    [property: JsonPropertyName("errorMessage")] string ErrorMessage,
    [property: JsonPropertyName("errorType")] string ErrorType,
    [property: JsonPropertyName("stackTrace")] IReadOnlyList<string> StackTrace)
{
    public static LambdaError From(Exception exception) => new(
        exception.Message,
        exception.GetType().Name,
        exception.StackTrace?.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? []);
}

[JsonSerializable(typeof(LambdaError))]
internal sealed partial class LambdaRuntimeJsonContext : JsonSerializerContext;
