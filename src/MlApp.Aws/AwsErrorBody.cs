using System.Text.Json;

namespace MlApp.Aws;

/// <summary>
/// The error document of an AWS JSON API or of a Lambda function: a type (<c>__type</c>, <c>Type</c>, or a function's
/// <c>errorType</c>) and a message (<c>message</c>, <c>Message</c>, <c>errorMessage</c>). Anything unreadable leaves both
/// null rather than hiding the status behind a parse error.
/// </summary>
internal sealed record AwsErrorBody(string? Type, string? Message)
{
    public static AwsErrorBody Parse(byte[] body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return new AwsErrorBody(null, null);
            }

            var root = document.RootElement;
            return new AwsErrorBody(
                Text(root, "errorType") ?? ShortName(Text(root, "__type")) ?? Text(root, "Type"),
                Text(root, "errorMessage") ?? Text(root, "message") ?? Text(root, "Message"));
        }
        catch (JsonException)
        {
            return new AwsErrorBody(null, null);
        }
    }

    /// <summary>The error type from the <c>x-amzn-ErrorType</c> header, if the service sent one.</summary>
    public static string? TypeFromHeader(HttpResponseMessage response) =>
        response.Headers.TryGetValues("x-amzn-ErrorType", out var values) ? ShortName(values.First()) : null;

    /// <summary>
    /// Strips a namespace before <c>#</c> (<c>com.amazonaws.ecs#ClientException</c>) and, as in <c>x-amzn-ErrorType</c>,
    /// anything after <c>:</c> (<c>ServiceException:http://internal.amazon.com/...</c>).
    /// </summary>
    public static string? ShortName(string? type)
    {
        if (string.IsNullOrWhiteSpace(type))
        {
            return null;
        }

        var name = type[(type.LastIndexOf('#') + 1)..];
        var colon = name.IndexOf(':');
        return colon >= 0 ? name[..colon] : name;
    }

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
