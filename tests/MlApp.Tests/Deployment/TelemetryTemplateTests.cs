using System.Text.Json.Nodes;
using MlApp.Hosting.Aws.Cdk;

namespace MlApp.Tests.Deployment;

/// <summary>With a collector set, all three apps export to it under their own names; without one, none exports.</summary>
[Collection(DeploymentCollection.Name)]
[Trait("Category", "Deployment")]
public sealed class TelemetryTemplateTests(SynthesizedStacks stacks)
{
    private static readonly string[] OtlpNames = [OtlpExport.Endpoint, OtlpExport.Protocol, OtlpExport.ServiceName];

    [Fact]
    public void Without_a_collector_no_app_gets_an_OTLP_variable()
    {
        Assert.All(Environments(stacks.Default), app => Assert.DoesNotContain(app.Value.Keys, name => name.StartsWith("OTEL_", StringComparison.Ordinal)));
    }

    [Fact]
    public void With_a_collector_the_web_the_batch_task_and_the_function_export_to_it_under_their_own_names()
    {
        var settings = SynthesizedStacks.CustomSettings;
        var environments = Environments(stacks.Custom);

        Assert.Equal(["batch-job", "realtime-function", "web"], environments.Keys.Order());
        Assert.All(environments, app =>
        {
            Assert.Equal(OtlpNames.Order(), app.Value.Keys.Where(name => name.StartsWith("OTEL_", StringComparison.Ordinal)).Order());
            Assert.Equal(settings.OtlpEndpoint, (string?)app.Value[OtlpExport.Endpoint]);
            Assert.Equal(settings.OtlpProtocol, (string?)app.Value[OtlpExport.Protocol]);
            Assert.Equal(app.Key, (string?)app.Value[OtlpExport.ServiceName]);
        });
    }

    /// <summary>The Fargate containers' and the function's variables, by app name.</summary>
    private static Dictionary<string, Dictionary<string, JsonNode?>> Environments(StackTemplate template)
    {
        var function = template.Single("AWS::Lambda::Function").Resource["Properties"]!["Environment"]!["Variables"]!.AsObject();
        return new Dictionary<string, Dictionary<string, JsonNode?>>
        {
            ["web"] = StackTemplate.Environment(StackTemplate.Container(template.TaskDefinitionOf("web").Properties)),
            ["batch-job"] = StackTemplate.Environment(StackTemplate.Container(template.TaskDefinitionOf("batch-job").Properties)),
            ["realtime-function"] = function.ToDictionary(variable => variable.Key, variable => variable.Value),
        };
    }
}
