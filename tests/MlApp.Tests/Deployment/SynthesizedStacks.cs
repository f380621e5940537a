using System.Diagnostics;
using MlApp.Hosting.Aws;
using MlApp.Hosting.Aws.Topology;

namespace MlApp.Tests.Deployment;

/// <summary>
/// The real AppHost's publish-mode topology synthesized once per variant: the defaults, the GPU option, and every
/// setting changed from its default. Tests read the templates as JSON.
/// </summary>
public sealed class SynthesizedStacks : IAsyncLifetime
{
    /// <summary>Every setting that changes the template away from its default.</summary>
    public static readonly DeploymentSettings CustomSettings = new()
    {
        StackName = "MlAppCustom",
        WebCpu = 512,
        WebMemoryMiB = 2048,
        WebMinTasks = 2,
        WebMaxTasks = 6,
        WebCpuTargetPercent = 45,
        WebRequestsPerTarget = 300,
        CertificateArn = "arn:aws:acm:us-east-1:123456789012:certificate/00000000-0000-0000-0000-000000000000",
        FunctionMemoryMiB = 2048,
        FunctionTimeoutSeconds = 20,
        FunctionProvisionedConcurrency = 2,
        FunctionReservedConcurrency = 20,
        BatchCpu = 16384,
        BatchMemoryMiB = 122880,
        MaxBatchTasks = 8,
        LogRetentionDays = 7,
        InputRetentionDays = 3,
        ResultRetentionDays = 14,
        AlarmEmail = "ml-team@example.com",
        MonthlyBudgetUsd = 120,
        OtlpEndpoint = "https://otel-collector.example.com:4318",
        OtlpProtocol = "grpc",
    };

    private readonly string _root = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "mlapp-cdk-tests-" + Guid.NewGuid().ToString("N"));

    public AppTopology Topology { get; private set; } = null!;

    public StackTemplate Default { get; private set; } = null!;

    public StackTemplate Gpu { get; private set; } = null!;

    public StackTemplate Custom { get; private set; } = null!;

    /// <summary>The first synthesis pays for starting jsii's node process and loading aws-cdk-lib.</summary>
    public TimeSpan FirstSynthesis { get; private set; }

    public TimeSpan LaterSynthesis { get; private set; }

    public async Task InitializeAsync()
    {
        // Node 20 is what these machines have; the banner would only add noise to every test log.
        System.Environment.SetEnvironmentVariable("JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION", "20");
        Topology = await AppHostModels.PublishTopologyAsync();

        var clock = Stopwatch.StartNew();
        Default = Synthesize("default", new DeploymentSettings());
        FirstSynthesis = clock.Elapsed;

        clock.Restart();
        Gpu = Synthesize("gpu", new DeploymentSettings { GpuEnabled = true });
        LaterSynthesis = clock.Elapsed;
        Custom = Synthesize("custom", CustomSettings);
    }

    public Task DisposeAsync()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }

        return Task.CompletedTask;
    }

    private StackTemplate Synthesize(string variant, DeploymentSettings settings) =>
        new(CdkSynthesis.Synthesize(Topology, settings, System.IO.Path.Combine(_root, variant)));
}
