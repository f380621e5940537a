using System.Text.Json;

namespace MlApp.Jobs.Ecs;

/// <summary>
/// An ECS error: <c>{"__type": "...", "message": "..."}</c>. The type may carry a namespace
/// (<c>com.amazonaws.ecs#ClientException</c>); only the part after the last <c>#</c> names it. Anything unreadable
/// leaves both null rather than hiding the status behind a parse error.
/// </summary>
internal sealed record EcsErrorBody(string? Type, string? Message)
{
    public static EcsErrorBody Parse(byte[] body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return new EcsErrorBody(null, null);
            }

            var root = document.RootElement;
            return new EcsErrorBody(ShortName(Text(root, "__type")), Text(root, "message") ?? Text(root, "Message"));
        }
        catch (JsonException)
        {
            return new EcsErrorBody(null, null);
        }
    }

    /// <summary>Strips a namespace before <c>#</c> and, as in <c>x-amzn-ErrorType</c>, anything after <c>:</c>.</summary>
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
