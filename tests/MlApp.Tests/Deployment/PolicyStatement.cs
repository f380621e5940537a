using System.Text.Json.Nodes;

namespace MlApp.Tests.Deployment;

/// <summary>One IAM statement of a role's policy, with actions and resources always as lists.</summary>
public sealed record PolicyStatement(string RoleId, string Effect, IReadOnlyList<string> Actions, IReadOnlyList<JsonNode> Resources, JsonObject? Condition)
{
    public bool OnAnyResource => Resources.Any(resource => resource is JsonValue value && value.TryGetValue<string>(out var text) && text == "*");

    public static PolicyStatement From(string roleId, JsonObject statement) => new(
        roleId,
        (string)statement["Effect"]!,
        List(statement["Action"]).Select(action => (string)action!).ToList(),
        List(statement["Resource"]),
        statement["Condition"]?.AsObject());

    /// <summary>The resources as compact JSON, for comparing references.</summary>
    public IEnumerable<string> ResourceTexts => Resources.Select(resource => resource.ToJsonString());

    private static List<JsonNode> List(JsonNode? node) => node switch
    {
        JsonArray array => [.. array.Select(item => item!)],
        null => [],
        _ => [node],
    };
}
