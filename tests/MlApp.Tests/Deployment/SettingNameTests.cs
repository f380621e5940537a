using System.Text.RegularExpressions;
using MlApp.BatchJob;
using MlApp.Jobs;
using MlApp.Aws.Ecs;
using MlApp.Aws.Lambda;
using MlApp.Costs;

using MlApp.Model.Hosting;
namespace MlApp.Tests.Deployment;

/// <summary>The apps get the same setting names in AWS as under the AppHost locally, and only names they read.</summary>
[Collection(DeploymentCollection.Name)]
[Trait("Category", "Deployment")]
public sealed partial class SettingNameTests(SynthesizedStacks stacks)
{
    /// <summary>Names only the AWS side sets, each for a reason the local run doesn't share.</summary>
    private static readonly IReadOnlyDictionary<string, string> AwsOnly = new Dictionary<string, string>
    {
        ["Realtime__Qualifier"] = "callers name the alias live; the emulator has one version and takes any qualifier",
        ["Batch__AssignPublicIp"] = "explicit in AWS, where the subnets are public and there is no NAT gateway; the emulator ignores it",
        ["Batch__MaxConcurrentTasks"] = "the MaxBatchTasks deployment setting; locally the app's default applies",
    };

    /// <summary>The options classes whose sections the deployment may set, by section.</summary>
    private static readonly IReadOnlyDictionary<string, Type> OptionsBySection = new Dictionary<string, Type>
    {
        [JobsOptions.SectionName] = typeof(JobsOptions),
        [BatchOptions.SectionName] = typeof(BatchOptions),
        [LambdaOptions.SectionName] = typeof(LambdaOptions),
        [ModelOptions.SectionName] = typeof(ModelOptions),
        [BatchWorkerOptions.SectionName] = typeof(BatchWorkerOptions),
        [MlApp.Web.Costs.CostHosting.SectionName] = typeof(CostInputs),
    };

    [Fact]
    public async Task Each_app_gets_in_AWS_the_setting_names_it_gets_locally()
    {
        var local = await RunModeEnvironment.NamesByProjectAsync();
        var aws = AwsNames(stacks.Default);

        Assert.Equal(local.Keys.Order(), aws.Keys.Order());
        foreach (var (project, names) in aws)
        {
            Assert.Equal(Settings(local[project]).Order(), Settings(names).Except(AwsOnly.Keys).Order());
        }

        // The comparison would pass vacuously if nothing were compared.
        Assert.Contains("Batch__TaskDefinition", Settings(local["web"]));
        Assert.Contains("Jobs__TableName", Settings(local["batch-job"]));
    }

    [Fact]
    public void Every_setting_in_AWS_names_a_property_the_apps_bind()
    {
        var names = AwsNames(stacks.Default).Values.SelectMany(Settings).Distinct().ToList();

        Assert.NotEmpty(names);
        Assert.All(names, name =>
        {
            var parts = name.Split("__");
            Assert.True(OptionsBySection.TryGetValue(parts[0], out var options), $"{name}: no options class binds section {parts[0]}");
            Assert.NotNull(options.GetProperty(parts[1]));
        });
    }

    [Theory]
    [InlineData("default")]
    [InlineData("gpu")]
    [InlineData("custom")]
    public void No_app_gets_an_endpoint_override_or_credentials_in_AWS(string variant)
    {
        var template = variant switch { "default" => stacks.Default, "gpu" => stacks.Gpu, _ => stacks.Custom };

        Assert.All(AwsNames(template).Values.SelectMany(names => names), name =>
        {
            Assert.DoesNotMatch(ForbiddenInAws(), name);
        });
    }

    /// <summary>Names as the container or function sees them, per Aspire project (container and function names are the project's).</summary>
    private Dictionary<string, IReadOnlySet<string>> AwsNames(StackTemplate template)
    {
        var names = template.OfType("AWS::ECS::TaskDefinition")
            .SelectMany(definition => definition.Resource["Properties"]!["ContainerDefinitions"]!.AsArray())
            .GroupBy(container => (string)container!["Name"]!)
            .ToDictionary(group => group.Key, group => (IReadOnlySet<string>)group.SelectMany(container => StackTemplate.Environment(container!.AsObject()).Keys).ToHashSet());
        var function = template.Single("AWS::Lambda::Function").Resource["Properties"]!;
        names[stacks.Topology.Function.Project.Name] = function["Environment"]!["Variables"]!.AsObject().Select(variable => variable.Key).ToHashSet();
        return names;
    }

    /// <summary>
    /// The app's own settings, with list indices folded (two subnets in AWS, one locally). The rest belong to the
    /// platform: the standard AWS_* variables (endpoints and dummy keys locally, the region and the Lambda runtime's in
    /// AWS), and what Aspire sets for telemetry, ASP.NET Core, .NET and console logging.
    /// </summary>
    private static IEnumerable<string> Settings(IEnumerable<string> names) =>
        names.Where(name => !PlatformName().IsMatch(name)).Select(name => ListIndex().Replace(name, "__[i]")).Distinct();

    [GeneratedRegex("^(AWS_|OTEL_|ASPNETCORE_|DOTNET_|LOGGING__)")]
    private static partial Regex PlatformName();

    [GeneratedRegex("__[0-9]+$")]
    private static partial Regex ListIndex();

    [GeneratedRegex("^(AWS_ENDPOINT_URL.*|AWS_ACCESS_KEY_ID|AWS_SECRET_ACCESS_KEY|AWS_SESSION_TOKEN|AWS_PROFILE|AWS_LAMBDA_RUNTIME_API)$")]
    private static partial Regex ForbiddenInAws();
}
