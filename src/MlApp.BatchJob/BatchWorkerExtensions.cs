using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using MlApp.ServiceDefaults.Configuration;
using MlApp.ServiceDefaults.Metrics;

namespace MlApp.BatchJob;

public static class BatchWorkerExtensions
{
    /// <summary>Registers the worker: its validated <c>BatchWorker</c> settings, the job runner and the loop that drains the queue.</summary>
    public static IHostApplicationBuilder AddBatchWorker(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<BatchWorkerOptions>()
            .BindConfiguration(BatchWorkerOptions.SectionName)
            .ValidateOnStart<BatchWorkerOptions, BatchWorkerOptionsAnnotations>();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<BatchWorkerOptions>, BatchWorkerOptionsValidator>());

        // Read straight from configuration: the host reads its options while it is built, before settings are validated.
        builder.Services.AddOptions<HostOptions>().Configure<IConfiguration>((host, configuration) => host.ShutdownTimeout =
            configuration.GetValue($"{BatchWorkerOptions.SectionName}:{nameof(BatchWorkerOptions.StopTimeout)}", new BatchWorkerOptions().StopTimeout));

        builder.AddEmbeddedMetrics(MetricNames.BatchService);
        builder.Services.AddSingleton<JobMetrics>();
        builder.Services.AddSingleton<JobRunner>();
        builder.Services.AddHostedService<QueueDrainer>();
        return builder;
    }
}
