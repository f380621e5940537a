using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using MlApp.ServiceDefaults.Logging;
using MlApp.ServiceDefaults.Metrics;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Microsoft.Extensions.Hosting;

/// <summary>Telemetry, health and resilience shared by every MlApp process.</summary>
public static class Extensions
{
    /// <summary>Activity source names of MlApp's own spans; every process listens to all of them.</summary>
    public static readonly string[] MlAppActivitySources = ["MlApp.*"];

    private const string HealthEndpointPath = "/health";
    private const string AlivenessEndpointPath = "/alive";

    /// <summary>The full defaults for the web: basic ones plus service discovery and resilient HTTP clients.</summary>
    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.AddBasicServiceDefaults();

        builder.Services.AddServiceDiscovery();
        builder.Services.ConfigureHttpClientDefaults(http =>
        {
            http.AddStandardResilienceHandler();
            http.AddServiceDiscovery();
        });

        return builder;
    }

    /// <summary>Telemetry and health only, for the worker and the function, which call no other service by name.</summary>
    public static TBuilder AddBasicServiceDefaults<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.ConfigureOpenTelemetry();
        builder.ConfigureJsonConsoleLogs();
        builder.Services.AddHealthChecks()
            .AddCheck("self", () => HealthCheckResult.Healthy(), ["live"]);
        return builder;
    }

    /// <summary>
    /// Console logs as one JSON object per line, with trace and span ids: what CloudWatch Logs stores in AWS. The
    /// dashboard gets the same records over OTLP, so nothing is lost locally.
    /// </summary>
    private static TBuilder ConfigureJsonConsoleLogs<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Logging.AddConsole(console => console.FormatterName = JsonLineFormatter.FormatterName);

        // The console logger picks its formatter by name from every ConsoleFormatter registered. AddConsoleFormatter would
        // also bind formatter options from configuration by reflection, which native AOT can't do (IL2026, IL3050); this
        // formatter reads no options, so registering the formatter alone is all it needs.
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<ConsoleFormatter, JsonLineFormatter>());
        return builder;
    }

    /// <summary>Registers the CloudWatch EMF writer for this service (see <see cref="MetricNames"/>).</summary>
    public static TBuilder AddEmbeddedMetrics<TBuilder>(this TBuilder builder, string service) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddSingleton(services => new EmbeddedMetricWriter(Console.Out, services.GetService<TimeProvider>() ?? TimeProvider.System, service));
        return builder;
    }

    private static TBuilder ConfigureOpenTelemetry<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
        });

        builder.Services.AddOpenTelemetry()
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation())
            .WithTracing(tracing => tracing
                .AddSource(builder.Environment.ApplicationName)
                .AddSource(MlAppActivitySources)
                .AddAspNetCoreInstrumentation(aspNet =>
                    // Health probes every few seconds would drown the traces a person wants to see.
                    aspNet.Filter = context => !context.Request.Path.StartsWithSegments(HealthEndpointPath)
                        && !context.Request.Path.StartsWithSegments(AlivenessEndpointPath))
                .AddHttpClientInstrumentation());

        // Export only where a collector is configured: the Aspire dashboard locally, ADOT or none in AWS.
        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            builder.Services.AddOpenTelemetry().UseOtlpExporter();
        }

        return builder;
    }

    /// <summary>Maps <c>/health</c> (everything) and <c>/alive</c> (the process itself) in every environment: the ALB and the AppHost both probe them.</summary>
    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        app.MapHealthChecks(HealthEndpointPath);
        app.MapHealthChecks(AlivenessEndpointPath, new HealthCheckOptions { Predicate = check => check.Tags.Contains("live") });
        return app;
    }
}
