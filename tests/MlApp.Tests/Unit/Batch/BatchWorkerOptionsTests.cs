using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using MlApp.BatchJob;
using MlApp.Jobs;

namespace MlApp.Tests.Unit.Batch;

[Trait("Category", "Unit")]
public sealed class BatchWorkerOptionsTests
{
    [Fact]
    public void The_defaults_fit_the_default_lease()
    {
        var result = new BatchWorkerOptionsValidator(Options.Create(new JobsOptions())).Validate(null, new BatchWorkerOptions());

        Assert.True(result.Succeeded);
    }

    [Fact]
    public void A_heartbeat_slower_than_a_third_of_the_lease_is_refused()
    {
        var jobs = Options.Create(new JobsOptions { LeaseDuration = TimeSpan.FromSeconds(20) });

        var result = new BatchWorkerOptionsValidator(jobs).Validate(null, new BatchWorkerOptions { HeartbeatInterval = TimeSpan.FromSeconds(10) });

        Assert.True(result.Failed);
        Assert.Contains("BatchWorker:HeartbeatInterval (00:00:10) must be at most a third of Jobs:LeaseDuration (00:00:20)", result.FailureMessage);
    }

    [Fact]
    public void Invalid_settings_are_all_reported_together()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Jobs:TableName"] = "jobs",
            ["Jobs:BucketName"] = "data",
            ["Jobs:LeaseDuration"] = "00:00:05",
            ["BatchWorker:HeartbeatInterval"] = "00:00:02",
            ["BatchWorker:ChunkRows"] = "0",
        });
        builder.AddJobs();
        builder.AddBatchWorker();
        using var host = builder.Build();

        // What the host's start-up validation asks for; resolving it here builds no AWS client.
        var error = Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IOptions<BatchWorkerOptions>>().Value);

        Assert.Contains(error.Failures, failure => failure.Contains("ChunkRows"));
        Assert.Contains(error.Failures, failure => failure.Contains("BatchWorker:HeartbeatInterval"));
    }

    [Fact]
    public void The_stop_timeout_becomes_the_hosts_shutdown_timeout()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["BatchWorker:StopTimeout"] = "00:00:20" });
        builder.AddBatchWorker();
        using var host = builder.Build();

        Assert.Equal(TimeSpan.FromSeconds(20), host.Services.GetRequiredService<IOptions<HostOptions>>().Value.ShutdownTimeout);
    }
}
