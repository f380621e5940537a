namespace MlApp.Hosting.Aws.Cdk;

/// <summary>
/// The OpenTelemetry variables that make an app export to <see cref="DeploymentSettings.OtlpEndpoint"/>: ServiceDefaults
/// exports only when OTEL_EXPORTER_OTLP_ENDPOINT is set, so without the setting nothing is added and nothing exported.
/// </summary>
/// <remarks>
/// The standard OTEL_* names, the ones the AppHost sets locally to reach the dashboard. No OTEL_EXPORTER_OTLP_HEADERS:
/// a collector's API key would sit in clear text in the task definitions and the function's configuration.
/// </remarks>
public static class OtlpExport
{
    public const string Endpoint = "OTEL_EXPORTER_OTLP_ENDPOINT";
    public const string Protocol = "OTEL_EXPORTER_OTLP_PROTOCOL";

    /// <summary>Names the app in the collector, as the AppHost names it on the dashboard (without it: unknown_service).</summary>
    public const string ServiceName = "OTEL_SERVICE_NAME";

    /// <summary>The variables for the app called <paramref name="serviceName"/>; empty when no endpoint is set.</summary>
    public static IReadOnlyDictionary<string, string> Settings(DeploymentSettings settings, string serviceName) =>
        settings.OtlpEndpointOrNull is { } endpoint
            ? new Dictionary<string, string>
            {
                [Endpoint] = endpoint,
                [Protocol] = settings.OtlpProtocol,
                [ServiceName] = serviceName,
            }
            : new Dictionary<string, string>();
}
