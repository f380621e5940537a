using System.Globalization;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using MlApp.Tests.Support;

namespace MlApp.Tests.EndToEnd;

/// <summary>The whole AppHost, started once for every EndToEnd test: stand-ins, function and web running, the batch job not started.</summary>
public sealed class AppHostFixture : IAsyncLifetime
{
    /// <summary>How long any single wait on the running app may take before the test fails instead of hanging.</summary>
    public static readonly TimeSpan WaitTimeout = TimeSpan.FromSeconds(90);

    public static readonly TimeSpan SafetyNetInterval = TimeSpan.FromSeconds(3);

    /// <summary>The caps docs/bad-inputs.md is written against.</summary>
    public const int UploadMaxRows = 1000;

    public const int UploadMaxBytes = 1_000_000;

    private DistributedApplication? _app;

    /// <summary>Where every project exports its traces during the tests (the dashboard does not run under the testing builder).</summary>
    public OtlpTraceReceiver Traces { get; private set; } = null!;

    public DistributedApplication App => _app ?? throw new InvalidOperationException("The AppHost has not started.");

    public async Task InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(WaitTimeout);
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.MlApp_AppHost>(timeout.Token);
        Traces = await OtlpTraceReceiver.StartAsync();
        foreach (var project in builder.Resources.OfType<ProjectResource>().ToList())
        {
            builder.CreateResourceBuilder(project)
                .WithEnvironment("OTEL_EXPORTER_OTLP_ENDPOINT", Traces.Url.ToString().TrimEnd('/'))
                .WithEnvironment("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf")
                .WithEnvironment("OTEL_BSP_SCHEDULE_DELAY", "200");
        }

        // Short enough that a test can watch the safety net re-dispatch after a failed RunTask; upload caps low enough
        // that the bad-input catalogue can go over them with small files.
        builder.CreateResourceBuilder(builder.Resources.OfType<ProjectResource>().Single(resource => resource.Name == "web"))
            .WithEnvironment("Dispatch__SafetyNetInterval", SafetyNetInterval.ToString())
            .WithEnvironment("Upload__MaxRows", UploadMaxRows.ToString(CultureInfo.InvariantCulture))
            .WithEnvironment("Upload__MaxBytes", UploadMaxBytes.ToString(CultureInfo.InvariantCulture))
            // Every test here comes from one address: limits far above what they send, so that only the web tests of
            // the limiter itself (Integration/Web) meet a 429.
            .WithEnvironment("RateLimits__PredictionsPerMinute", "60000")
            .WithEnvironment("RateLimits__PredictionBurst", "10000")
            .WithEnvironment("RateLimits__SubmissionsPerMinute", "6000")
            .WithEnvironment("RateLimits__SubmissionBurst", "1000");

        _app = await builder.BuildAsync(timeout.Token);
        await _app.StartAsync(timeout.Token);
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        if (Traces is not null)
        {
            await Traces.DisposeAsync();
        }
    }
}
