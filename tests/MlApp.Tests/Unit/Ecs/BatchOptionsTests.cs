using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using MlApp.Aws.Ecs;

namespace MlApp.Tests.Unit.Ecs;

/// <summary>The <c>Batch</c> settings as the AppHost and CDK provide them: environment-style keys, defaults, validation.</summary>
[Trait("Category", "Unit")]
public sealed class BatchOptionsTests
{
    [Fact]
    public void Settings_bind_from_environment_style_keys_with_the_documented_defaults()
    {
        var options = Bind(
            ("Batch:Cluster", "mlapp-local"),
            ("Batch:TaskDefinition", "batch-job"),
            ("Batch:Subnets:0", "subnet-00000000000000001"),
            ("Batch:Subnets:1", "subnet-00000000000000002"),
            ("Batch:SecurityGroups:0", "sg-00000000000000001"));

        Assert.Equal("mlapp-local", options.Cluster);
        Assert.Equal("batch-job", options.TaskDefinition);
        Assert.Equal(["subnet-00000000000000001", "subnet-00000000000000002"], options.Subnets);
        Assert.Equal(["sg-00000000000000001"], options.SecurityGroups);
        Assert.True(options.AssignPublicIp);
        Assert.Equal("mlapp-dispatcher", options.StartedBy);
        Assert.Equal(4, options.MaxConcurrentTasks);
        Assert.Equal(10, options.JobsPerTask);
    }

    [Fact]
    public void Settings_without_a_subnet_fail_validation_because_fargate_cannot_start_without_one()
    {
        var error = Assert.Throws<OptionsValidationException>(() => Bind(("Batch:Cluster", "mlapp"), ("Batch:TaskDefinition", "batch-job")));

        Assert.Contains(nameof(BatchOptions.Subnets), error.Message);
    }

    [Fact]
    public void A_started_by_longer_than_ecs_allows_fails_validation()
    {
        var error = Assert.Throws<OptionsValidationException>(() => Bind(
            ("Batch:Cluster", "mlapp"), ("Batch:TaskDefinition", "batch-job"), ("Batch:Subnets:0", "subnet-1"), ("Batch:StartedBy", new string('x', 37))));

        Assert.Contains(nameof(BatchOptions.StartedBy), error.Message);
    }

    private static BatchOptions Bind(params (string Key, string Value)[] settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value)));
        builder.AddEcsClient();
        using var services = builder.Services.BuildServiceProvider();
        return services.GetRequiredService<IOptions<BatchOptions>>().Value;
    }
}
