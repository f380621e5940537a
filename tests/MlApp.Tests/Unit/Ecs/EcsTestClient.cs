using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using MlApp.Aws;
using MlApp.Aws.Ecs;
using MlApp.Tests.Support;

namespace MlApp.Tests.Unit.Ecs;

/// <summary>The client under test on recorded responses, with instant retries and settings shaped like CDK's.</summary>
internal static class EcsTestClient
{
    public static EcsClient Create(RecordedHttpHandler handler, Action<BatchOptions>? configure = null)
    {
        var options = new BatchOptions
        {
            Cluster = "mlapp",
            TaskDefinition = "mlapp-batch",
            Subnets = ["subnet-0a1b2c3d4e5f60718", "subnet-0f1e2d3c4b5a69788"],
            SecurityGroups = ["sg-0123456789abcdef0"],
        };
        configure?.Invoke(options);
        return new EcsClient(
            new HttpClient(handler) { BaseAddress = new Uri("http://ecs.test/") },
            Options.Create(options),
            new RetryBackoff(TimeSpan.Zero, TimeSpan.Zero, new Random(1)),
            new FakeTimeProvider());
    }
}
