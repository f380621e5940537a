using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using MlApp.Hosting.LocalAws.Lambda;
using MlApp.Tests.EndToEnd;
using MlApp.Tests.Support;
using Xunit.Abstractions;

namespace MlApp.Tests.Faults.EndToEnd;

/// <summary>
/// The realtime function's processes die in the middle of invocations, for real (SIGKILL of the instance processes):
/// the callers get a 502 with problem details that say what happened, a call made while no instance runs waits
/// rather than failing, and it succeeds once an instance is back.
/// </summary>
[Collection(AppHostFaultsCollection.Name)]
[Trait("Category", "EndToEnd")]
public sealed class FunctionCrashTests(AppHostFixture fixture, ITestOutputHelper output)
{
    private const string Function = "realtime-function";
    private const int Instances = 2;

    private static readonly object Row = new
    {
        input = new { island = "Torgersen", bill_length_mm = 39.1, bill_depth_mm = 18.7, flipper_length_mm = 181, body_mass_g = 3750, sex = "MALE" },
    };

    private LambdaEmulator Lambda => fixture.App.Services.GetRequiredService<DistributedApplicationModel>()
        .Resources.OfType<LambdaEmulatorResource>().Single().Emulator;

    [Fact]
    public async Task Instances_killed_mid_invoke_give_their_callers_a_502_that_says_so_and_a_waiting_call_succeeds_once_an_instance_is_back()
    {
        using var timeout = new CancellationTokenSource(AppHostFixture.WaitTimeout);
        await fixture.App.ResourceNotifications.WaitForResourceHealthyAsync("web", timeout.Token);
        using var visitor = new WebVisitor(fixture);
        var instances = await Replicas.RunningAsync(fixture.App, Function, Instances, AppHostFixture.WaitTimeout);
        await WaitUntilAsync(() => Lambda.PollingInstances(Function) == Instances, "both instances poll for work", timeout.Token);

        // Frozen while they wait for work: each still takes one of the next two calls, and never answers it.
        var frozen = instances.Select(instance => instance.AppProcessId).ToList();
        frozen.ForEach(process => UnixSignals.Send(process, UnixSignals.Stop));
        var killed = false;
        try
        {
            var delivered = Lambda.InvocationsDelivered(Function);
            var calls = Enumerable.Range(0, Instances).Select(_ => PredictAsync(visitor)).ToList();
            await WaitUntilAsync(() => Lambda.InvocationsDelivered(Function) == delivered + Instances, "each instance holds a call", timeout.Token);
            frozen.ForEach(process => UnixSignals.Send(process, UnixSignals.Kill));
            frozen.Clear();
            killed = true;

            foreach (var call in calls)
            {
                using var crashed = await call;
                await AssertCrashProblemAsync(crashed);
            }

            // No instance runs now: the call waits in the function's queue instead of failing.
            var waiting = PredictAsync(visitor);
            await StartAgainAsync(instances);
            killed = false;
            using var answered = await waiting;
            await AssertPredictionAsync(answered);
        }
        finally
        {
            // A process left stopped would ignore the AppHost's polite stop at disposal; killed ones come back, pass or
            // fail, so the other tests of the collection find two instances.
            frozen.ForEach(process => UnixSignals.Send(process, UnixSignals.Continue));
            if (killed)
            {
                await StartAgainAsync(instances);
            }
        }

        for (var i = 0; i < 5; i++)
        {
            using var later = await PredictAsync(visitor);
            await AssertPredictionAsync(later);
        }

        output.WriteLine($"function instances killed mid-invoke: {Instances}; 502s: {Instances}; calls answered after the restart: 6 of 6");
    }

    private async Task StartAgainAsync(IReadOnlyList<Replica> instances)
    {
        using var timeout = new CancellationTokenSource(AppHostFixture.WaitTimeout);
        foreach (var instance in instances)
        {
            await Replicas.StartAsync(fixture.App, instance, timeout.Token);
        }

        await Replicas.RunningAsync(fixture.App, Function, Instances, AppHostFixture.WaitTimeout);
    }

    private static Task<HttpResponseMessage> PredictAsync(WebVisitor visitor) => visitor.Http.PostAsJsonAsync("/api/predict", Row);

    private async Task AssertCrashProblemAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        output.WriteLine($"{(int)response.StatusCode}: {body}");
        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.Equal(502, problem.GetProperty("status").GetInt32());
        Assert.Contains("Runtime.ExitError", problem.GetProperty("detail").GetString());
    }

    private static async Task AssertPredictionAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {body}");
        Assert.Single(JsonDocument.Parse(body).RootElement.GetProperty("predictions").EnumerateArray());
    }

    private static async Task WaitUntilAsync(Func<bool> condition, string what, CancellationToken cancellationToken)
    {
        while (!condition())
        {
            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(50), cancellationToken);
            }
            catch (OperationCanceledException)
            {
                Assert.Fail($"Gave up waiting until {what}.");
            }
        }
    }
}
