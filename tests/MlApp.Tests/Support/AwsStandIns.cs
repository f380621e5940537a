using System.Diagnostics;
using Testcontainers.LocalStack;

namespace MlApp.Tests.Support;

/// <summary>
/// DynamoDB and S3 wire-protocol servers for the Integration tier: LocalStack when a Docker engine answers,
/// the embedded npm stand-ins otherwise. Tests reach them only through the standard AWS_ENDPOINT_URL_* variables,
/// exactly as the applications do.
/// </summary>
public sealed class AwsStandIns : IAsyncLifetime
{
    private readonly List<IAsyncDisposable> _running = [];

    public string Kind { get; private set; } = "";

    public Uri DynamoDbUrl { get; private set; } = null!;

    public Uri S3Url { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (await DockerIsHealthyAsync())
        {
            var localStack = new LocalStackBuilder("localstack/localstack:4.9").Build();
            await localStack.StartAsync();
            _running.Add(localStack);
            Kind = "LocalStack";
            DynamoDbUrl = S3Url = new Uri(localStack.GetConnectionString());
        }
        else
        {
            var dynamo = await StandInProcess.StartAsync("dynamodb.mjs");
            _running.Add(dynamo);
            var s3 = await StandInProcess.StartAsync("s3.mjs");
            _running.Add(s3);
            Kind = "embedded (dynalite, fauxqs)";
            DynamoDbUrl = dynamo.Url;
            S3Url = s3.Url;
        }

        Environment.SetEnvironmentVariable("AWS_ENDPOINT_URL_DYNAMODB", DynamoDbUrl.ToString());
        Environment.SetEnvironmentVariable("AWS_ENDPOINT_URL_S3", S3Url.ToString());
        Environment.SetEnvironmentVariable("AWS_REGION", "us-east-1");
        Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", "local");
        Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", "local");
    }

    public async Task DisposeAsync()
    {
        foreach (var running in _running)
        {
            await running.DisposeAsync();
        }
    }

    private static async Task<bool> DockerIsHealthyAsync()
    {
        try
        {
            using var docker = Process.Start(new ProcessStartInfo("docker", ["info"]) { RedirectStandardOutput = true, RedirectStandardError = true });
            if (docker is null)
            {
                return false;
            }

            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await docker.WaitForExitAsync(timeout.Token);
            return docker.ExitCode == 0;
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or OperationCanceledException)
        {
            return false;
        }
    }
}

[CollectionDefinition(Name)]
public sealed class AwsStandInsCollection : ICollectionFixture<AwsStandIns>
{
    public const string Name = "AWS stand-ins";
}
