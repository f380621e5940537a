using MlApp.Hosting.LocalAws;
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
        if (ContainerRuntimeProbe.Check("docker").IsHealthy)
        {
            var localStack = new LocalStackBuilder(LocalStackStandIn.ImageReference).Build();
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
        Environment.SetEnvironmentVariable("AWS_REGION", LocalAwsNames.Region);
        Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", LocalAwsNames.AccessKeyId);
        Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", LocalAwsNames.SecretAccessKey);
    }

    /// <summary>
    /// What a process of ours needs, as environment variables, to use these stand-ins the way it uses AWS: the standard
    /// endpoint variables, the region and the stand-ins' key pair.
    /// </summary>
    public Dictionary<string, string> ClientEnvironment() => new()
    {
        ["AWS_ENDPOINT_URL_DYNAMODB"] = DynamoDbUrl.ToString(),
        ["AWS_ENDPOINT_URL_S3"] = S3Url.ToString(),
        ["AWS_REGION"] = LocalAwsNames.Region,
        ["AWS_ACCESS_KEY_ID"] = LocalAwsNames.AccessKeyId,
        ["AWS_SECRET_ACCESS_KEY"] = LocalAwsNames.SecretAccessKey,
    };

    public async Task DisposeAsync()
    {
        foreach (var running in _running)
        {
            await running.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class AwsStandInsCollection : ICollectionFixture<AwsStandIns>
{
    public const string Name = "AWS stand-ins";
}
