using System.Text.Json;

namespace MlApp.Jobs.Lambda;

/// <summary>
/// The JSON of an error: a function's <c>{errorType, errorMessage}</c> or the service's <c>{Type|__type, message|Message}</c>.
/// Anything unreadable leaves both null rather than hiding the status behind a parse error.
/// </summary>
internal sealed record LambdaErrorBody(string? Type, string? Message)
{
    public static LambdaErrorBody Parse(byte[] body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return new LambdaErrorBody(null, null);
            }

            var root = document.RootElement;
            return new LambdaErrorBody(
                Text(root, "errorType") ?? Text(root, "__type") ?? Text(root, "Type"),
                Text(root, "errorMessage") ?? Text(root, "message") ?? Text(root, "Message"));
        }
        catch (JsonException)
        {
            return new LambdaErrorBody(null, null);
        }
    }

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
