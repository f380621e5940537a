using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MlApp.Hosting.LocalAws.Ecs;

/// <summary>Runs the ECS emulator inside the AppHost, maps task definition families onto resources, and points callers at it.</summary>
public static class EcsEmulatorExtensions
{
    // The dashboard property that shows whether RunTask is failing on purpose.
    private const string FaultPropertyName = "RunTask failures";

    /// <summary>
    /// Adds the ECS emulator (run mode only): a dashboard resource with its URL, one log line per task call, and
    /// "Fail RunTask" / "Restore RunTask" commands. Register task families on it with <see cref="AsEcsTask{T}"/>.
    /// </summary>
    public static IResourceBuilder<EcsEmulatorResource> AddEcsEmulator(this IDistributedApplicationBuilder builder, string name = "ecs")
    {
        var emulator = new EcsEmulator();
        var resource = new EcsEmulatorResource(name, emulator);
        return builder.AddEmulator(resource, "ECS emulator", emulator, StartAsync, FaultProperty(emulator))
            .WithRunTaskFaultCommands();

        async Task<Uri> StartAsync(IServiceProvider services, ILogger logger, CancellationToken cancellationToken)
        {
            var launcher = new AspireTaskLauncher(
                resource.TaskResources,
                services.GetRequiredService<ResourceCommandService>(),
                services.GetRequiredService<ResourceNotificationService>());
            await emulator.StartAsync(launcher, logger, TimeProvider.System, cancellationToken);
            return emulator.Url;
        }
    }

    /// <summary>
    /// Makes the resource the task definition <paramref name="family"/>, in both modes. Run mode: the ECS emulator (added
    /// on first use) starts it on RunTask (it should be explicit-start) and stops it on StopTask. Publish mode: CDK defines it.
    /// </summary>
    public static IResourceBuilder<T> AsEcsTask<T>(this IResourceBuilder<T> task, string family)
        where T : IResource
    {
        task.WithAnnotation(new EcsTaskAnnotation(family));
        if (!task.ApplicationBuilder.ExecutionContext.IsRunMode)
        {
            return task;
        }

        var ecs = task.ApplicationBuilder.GetOrAdd(builder => builder.AddEcsEmulator());
        ecs.Resource.Emulator.AddTaskDefinition(family);
        ecs.Resource.TaskResources[family] = task.Resource;
        return task;
    }

    /// <summary>
    /// Lets a caller run <paramref name="task"/>: in AWS the right to, in run mode the standard endpoint variable plus the
    /// <c>Batch</c> settings that CDK provides in AWS (cluster, task definition, subnet, security group).
    /// </summary>
    public static IResourceBuilder<T> WithEcs<T, TTask>(this IResourceBuilder<T> caller, IResourceBuilder<TTask> task)
        where T : IResourceWithEnvironment, IResourceWithWaitSupport
        where TTask : IResource
    {
        caller.WithAnnotation(new EcsTaskCallerAnnotation(task.Resource));
        if (!caller.ApplicationBuilder.ExecutionContext.IsRunMode)
        {
            return caller;
        }

        var family = task.Resource.Annotations.OfType<EcsTaskAnnotation>().SingleOrDefault()?.Family
            ?? throw new InvalidOperationException($"'{task.Resource.Name}' is not an ECS task: call AsEcsTask on it first.");
        var ecs = caller.ApplicationBuilder.GetOrAdd(builder => builder.AddEcsEmulator());
        return caller
            .WithEnvironment(context => context.EnvironmentVariables["AWS_ENDPOINT_URL_ECS"] = ecs.Resource.Emulator.Url.ToString())
            .WithEnvironment("Batch__Cluster", ecs.Resource.Emulator.ClusterName)
            .WithEnvironment("Batch__TaskDefinition", family)
            .WithEnvironment("Batch__Subnets__0", EcsLocalNames.Subnet)
            .WithEnvironment("Batch__SecurityGroups__0", EcsLocalNames.SecurityGroup)
            .WaitFor(ecs);
    }

    /// <summary>Dashboard buttons that make every RunTask fail (200 with a capacity failure) and undo it.</summary>
    private static IResourceBuilder<EcsEmulatorResource> WithRunTaskFaultCommands(this IResourceBuilder<EcsEmulatorResource> ecs)
    {
        var faults = ecs.Resource.Emulator.Faults;
        return ecs
            .WithCommand("fail-runtask", "Fail RunTask", context => SetFailAllAsync(context, ecs.Resource, true), new CommandOptions
            {
                Description = "Every RunTask starts nothing and reports a Fargate capacity failure, until restored.",
                IconName = "ErrorCircle",
                UpdateState = _ => faults.FailAll ? ResourceCommandState.Disabled : ResourceCommandState.Enabled,
            })
            .WithCommand("restore-runtask", "Restore RunTask", context => SetFailAllAsync(context, ecs.Resource, false), new CommandOptions
            {
                Description = "RunTask starts tasks again.",
                IconName = "CheckmarkCircle",
                UpdateState = _ => faults.FailAll ? ResourceCommandState.Enabled : ResourceCommandState.Disabled,
            });
    }

    private static async Task<ExecuteCommandResult> SetFailAllAsync(ExecuteCommandContext context, EcsEmulatorResource resource, bool failAll)
    {
        resource.Emulator.Faults.FailAll = failAll;
        // A new snapshot shows the switch and makes the dashboard re-evaluate which of the two commands is enabled.
        await context.Services.GetRequiredService<ResourceNotificationService>()
            .PublishUpdateAsync(resource, state => state with { Properties = [.. state.Properties.Where(p => p.Name != FaultPropertyName), FaultProperty(resource.Emulator)] });
        return CommandResults.Success();
    }

    private static ResourcePropertySnapshot FaultProperty(EcsEmulator emulator) => new(FaultPropertyName, emulator.Faults.FailAll ? "on" : "off");
}
