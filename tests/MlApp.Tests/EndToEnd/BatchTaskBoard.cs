using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using MlApp.Aws.Ecs;
using MlApp.Hosting.LocalAws.Ecs;
using MlApp.Tests.Integration.Ecs;

namespace MlApp.Tests.EndToEnd;

/// <summary>
/// The running AppHost's ECS emulator, read as the dispatcher reads it: through ListTasks. A task is listed the moment
/// RunTask accepts it, before the batch resource's own state changes, so that resource's last state can still say
/// Finished while a run another test asked for is starting; "no batch task running" is read here instead.
/// </summary>
internal static class BatchTaskBoard
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);

    public static EcsEmulator Emulator(AppHostFixture fixture) =>
        fixture.App.Services.GetRequiredService<DistributedApplicationModel>().Resources.OfType<EcsEmulatorResource>().Single().Emulator;

    /// <summary>Waits until ECS lists no batch task that it has not stopped.</summary>
    public static async Task WaitUntilNoneRunAsync(AppHostFixture fixture, CancellationToken cancellationToken)
    {
        using var signed = EcsEmulatorHarness.SignedHttp(Emulator(fixture).Url);
        var ecs = EcsEmulatorHarness.CreateClient(signed, EcsEmulatorHarness.Family);
        var running = new ListTasksRequest { Family = EcsEmulatorHarness.Family };
        while ((await ecs.ListTasksAsync(running, cancellationToken)).TaskArns.Count > 0)
        {
            await Task.Delay(PollInterval, cancellationToken);
        }
    }
}
