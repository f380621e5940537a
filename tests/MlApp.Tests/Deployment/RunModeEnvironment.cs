using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using MlApp.Hosting.LocalAws.Ecs;
using MlApp.Hosting.LocalAws.Lambda;
using MlApp.Tests.Integration.Ecs;

namespace MlApp.Tests.Deployment;

/// <summary>
/// The environment variable names each project gets when the AppHost runs locally, read from the real AppHost's model.
/// </summary>
/// <remarks>
/// The app is not even built (disposing a built, never-started app waits 30 s): the callbacks run against the builder's
/// resources, and only the two emulators start, because their URLs feed some callbacks. Names only: values such as
/// endpoint ports are never resolved.
/// </remarks>
internal static class RunModeEnvironment
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    public static async Task<IReadOnlyDictionary<string, IReadOnlySet<string>>> NamesByProjectAsync()
    {
        using var timeout = new CancellationTokenSource(Timeout);
        await using var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.MlApp_AppHost>(timeout.Token);
        var model = new DistributedApplicationModel(builder.Resources);
        var execution = builder.ExecutionContext;

        var lambda = model.Resources.OfType<LambdaEmulatorResource>().Single().Emulator;
        var ecs = model.Resources.OfType<EcsEmulatorResource>().Single().Emulator;
        await lambda.StartAsync(NullLogger.Instance, TimeProvider.System, timeout.Token);
        await ecs.StartAsync(new FakeTaskLauncher(), NullLogger.Instance, TimeProvider.System, timeout.Token);
        try
        {
            Dictionary<string, IReadOnlySet<string>> names = [];
            foreach (var project in model.Resources.OfType<ProjectResource>())
            {
                var environment = new Dictionary<string, object>();
                var context = new EnvironmentCallbackContext(execution, project, environment, timeout.Token);
                foreach (var callback in project.Annotations.OfType<EnvironmentCallbackAnnotation>())
                {
                    await callback.Callback(context);
                }

                names[project.Name] = environment.Keys.ToHashSet();
            }

            return names;
        }
        finally
        {
            await ecs.DisposeAsync();
            await lambda.DisposeAsync();
        }
    }
}
