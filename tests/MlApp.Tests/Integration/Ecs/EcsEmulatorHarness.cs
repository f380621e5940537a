using System.Net.Http.Headers;
using System.Text;
using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.Signing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MlApp.Hosting.LocalAws;
using MlApp.Hosting.LocalAws.Ecs;
using MlApp.Aws;
using MlApp.Aws.Ecs;

namespace MlApp.Tests.Integration.Ecs;

/// <summary>
/// One emulator per test, with a fake launcher, reached two ways: the real ECS client over SigV4-signed HTTP (as the
/// dispatcher reaches it) and raw HTTP for checking wire shapes independently of the client's own serializer.
/// </summary>
internal sealed class EcsEmulatorHarness : IAsyncDisposable
{
    public const string Family = "batch-job";
    public const string OtherFamily = "other-job";

    private readonly HttpClient _signed;

    private EcsEmulatorHarness(EcsEmulator emulator, FakeTaskLauncher launcher, HttpClient raw, HttpClient signed, EcsClient client)
    {
        _signed = signed;
        Emulator = emulator;
        Launcher = launcher;
        Raw = raw;
        Client = client;
    }

    public EcsEmulator Emulator { get; }

    public FakeTaskLauncher Launcher { get; }

    public HttpClient Raw { get; }

    public EcsClient Client { get; }

    public static async Task<EcsEmulatorHarness> StartAsync(Action<BatchOptions>? configure = null)
    {
        var emulator = new EcsEmulator();
        emulator.AddTaskDefinition(Family);
        emulator.AddTaskDefinition(OtherFamily);
        var launcher = new FakeTaskLauncher();
        await emulator.StartAsync(launcher, NullLogger.Instance, TimeProvider.System, default);

        var signed = SignedHttp(emulator.Url);
        var client = CreateClient(signed, Family, configure);
        var raw = new HttpClient { BaseAddress = emulator.Url, Timeout = TimeSpan.FromSeconds(10) };
        return new EcsEmulatorHarness(emulator, launcher, raw, signed, client);
    }

    /// <summary>An HttpClient that signs with SigV4 for <c>ecs</c>, as <c>SignedHttpClient</c> does, with the local dummy keys.</summary>
    public static HttpClient SignedHttp(Uri url)
    {
        var signer = new SigV4SigningHandler(
            new BasicAWSCredentials(LocalAwsNames.AccessKeyId, LocalAwsNames.SecretAccessKey), RegionEndpoint.USEast1, "ecs", new SocketsHttpHandler());
        return new HttpClient(signer) { BaseAddress = url, Timeout = TimeSpan.FromSeconds(10) };
    }

    /// <summary>The real client with the settings the AppHost gives callers, and quick retries.</summary>
    public static EcsClient CreateClient(HttpClient signed, string family, Action<BatchOptions>? configure = null)
    {
        var options = new BatchOptions
        {
            Cluster = EcsLocalNames.Cluster,
            TaskDefinition = family,
            Subnets = [EcsLocalNames.Subnet],
            SecurityGroups = [EcsLocalNames.SecurityGroup],
        };
        configure?.Invoke(options);
        return new EcsClient(
            signed,
            Options.Create(options),
            new RetryBackoff(TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(20), Random.Shared),
            TimeProvider.System);
    }

    /// <summary>A request as an AWS SDK would send it, with an Authorization header whose scope names <paramref name="service"/>.</summary>
    public Task<HttpResponseMessage> PostAsync(string operation, string json, string? service = "ecs")
    {
        var content = new StringContent(json, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-amz-json-1.1");
        var request = new HttpRequestMessage(HttpMethod.Post, "/") { Content = content };
        request.Headers.Add("X-Amz-Target", "AmazonEC2ContainerServiceV20141113." + operation);
        if (service is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization",
                $"AWS4-HMAC-SHA256 Credential=local/20260101/us-east-1/{service}/aws4_request, SignedHeaders=host;x-amz-date, Signature=0");
        }

        return Raw.SendAsync(request);
    }

    /// <summary>Starts one task of the default family and waits for the emulator's start request.</summary>
    public async Task<EcsTask> RunOneAsync(string? clientToken = null)
    {
        var response = await Client.RunTaskAsync(1, clientToken, null, default);
        var task = Assert.Single(response.Tasks);
        Assert.Equal(("start", Family), await Launcher.NextCallAsync());
        return task;
    }

    public async Task<EcsTask> DescribeAsync(string taskArn) => Assert.Single((await Client.DescribeTasksAsync([taskArn], default)).Tasks);

    public async ValueTask DisposeAsync()
    {
        Raw.Dispose();
        _signed.Dispose();
        await Emulator.DisposeAsync();
    }
}
