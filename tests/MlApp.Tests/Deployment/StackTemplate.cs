using System.Text.Json.Nodes;

namespace MlApp.Tests.Deployment;

/// <summary>A synthesized CloudFormation template, read with System.Text.Json so assertions need no jsii call.</summary>
public sealed class StackTemplate(string path)
{
    public JsonObject Root { get; } = JsonNode.Parse(File.ReadAllText(path))!.AsObject();

    public string Path { get; } = path;

    public JsonObject Resources => Root["Resources"]!.AsObject();

    /// <summary>The images CDK staged for this stack (its assets.json next to the template), by asset hash: the tag each is pushed under.</summary>
    public JsonObject DockerImages => JsonNode.Parse(File.ReadAllText(System.IO.Path.Combine(
        System.IO.Path.GetDirectoryName(Path)!,
        System.IO.Path.GetFileName(Path).Replace(".template.json", ".assets.json", StringComparison.Ordinal))))!["dockerImages"]!.AsObject();

    public IEnumerable<(string Id, JsonObject Resource)> OfType(string type) =>
        Resources.Where(entry => (string?)entry.Value!["Type"] == type).Select(entry => (entry.Key, entry.Value!.AsObject()));

    public (string Id, JsonObject Resource) Single(string type) => OfType(type).Single();

    public JsonObject Properties(string id) => Resources[id]!["Properties"]!.AsObject();

    /// <summary>The resource a <c>Ref</c> or <c>Fn::GetAtt</c> points at.</summary>
    public static string Target(JsonNode? reference) =>
        (string?)reference?["Ref"] ?? (string?)reference?["Fn::GetAtt"]?[0] ?? throw new InvalidOperationException($"Not a reference: {reference}");

    /// <summary>The task definition whose container has this name and that runs on <paramref name="compatibility"/>.</summary>
    public (string Id, JsonObject Properties) TaskDefinitionOf(string containerName, string compatibility = "FARGATE") => OfType("AWS::ECS::TaskDefinition")
        .Select(entry => (entry.Id, Properties: entry.Resource["Properties"]!.AsObject()))
        .Single(entry => entry.Properties["ContainerDefinitions"]!.AsArray().Any(container => (string?)container!["Name"] == containerName)
            && entry.Properties["RequiresCompatibilities"]!.AsArray().Any(required => (string?)required == compatibility));

    public static JsonObject Container(JsonObject taskDefinition) => taskDefinition["ContainerDefinitions"]!.AsArray().Single()!.AsObject();

    /// <summary>The container's environment as name to value (values stay JSON: most are references).</summary>
    public static Dictionary<string, JsonNode?> Environment(JsonObject container) =>
        container["Environment"]?.AsArray().ToDictionary(variable => (string)variable!["Name"]!, variable => variable!["Value"]) ?? [];

    /// <summary>Every statement of every AWS::IAM::Policy attached to the role, flattened.</summary>
    public IReadOnlyList<PolicyStatement> StatementsOf(string roleId) => Statements().Where(statement => statement.RoleId == roleId).ToList();

    public IEnumerable<PolicyStatement> Statements() =>
        from policy in OfType("AWS::IAM::Policy")
        from role in policy.Resource["Properties"]!["Roles"]!.AsArray()
        from statement in policy.Resource["Properties"]!["PolicyDocument"]!["Statement"]!.AsArray()
        select PolicyStatement.From(Target(role), statement!.AsObject());
}
