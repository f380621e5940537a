using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using MlApp.Hosting.LocalAws.Ecs;
using MlApp.Tests.Integration.Ecs;
using MlApp.Tests.Support;

namespace MlApp.Tests.Integration.Web;

/// <summary>
/// What web replicas need around them, for one test class: a table and bucket of their own on the AWS stand-ins, an ECS
/// emulator whose launcher only records (so a submitted job starts nothing), and a Lambda endpoint that refuses
/// connections (these tests never reach a prediction).
/// </summary>
internal sealed class WebTestBed : IAsyncDisposable
{
    /// <summary>The API key every replica accepts, for owner <c>key-bot</c>.</summary>
    public const string BotKey = "bot-key-0123456789abcdefghijklmnopqrstuv";

    private const string TaskFamily = "batch-job";

    private readonly EcsEmulator _ecs;
    private readonly List<WebReplica> _replicas = [];

    private WebTestBed(JobServices jobs, EcsEmulator ecs)
    {
        Jobs = jobs;
        _ecs = ecs;
    }

    /// <summary>The job store the replicas use, for arranging jobs and reading S3 directly.</summary>
    public JobServices Jobs { get; }

    public static async Task<WebTestBed> CreateAsync()
    {
        var jobs = await JobServices.CreateAsync();
        var ecs = new EcsEmulator();
        ecs.AddTaskDefinition(TaskFamily);
        await ecs.StartAsync(new FakeTaskLauncher(), NullLogger.Instance, TimeProvider.System, CancellationToken.None);
        return new WebTestBed(jobs, ecs);
    }

    /// <summary>The settings a replica gets from the AppHost or CDK, pointed at this bed, with <paramref name="overrides"/> on top.</summary>
    public Dictionary<string, string?> Settings(params (string Key, string? Value)[] overrides)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Jobs:TableName"] = Jobs.Options.TableName,
            ["Jobs:BucketName"] = Jobs.Options.BucketName,
            ["Realtime:FunctionName"] = "realtime-function",
            // Port 9 (discard) refuses connections here: a prediction that got this far would fail fast, not hang.
            ["AWS_ENDPOINT_URL_LAMBDA"] = "http://127.0.0.1:9/",
            ["Batch:Cluster"] = _ecs.ClusterName,
            ["Batch:TaskDefinition"] = TaskFamily,
            ["Batch:Subnets:0"] = EcsLocalNames.Subnet,
            ["AWS_ENDPOINT_URL_ECS"] = _ecs.Url.ToString(),
            ["ApiKeys:bot"] = BotKey,
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in overrides)
        {
            settings[key] = value;
        }

        return settings;
    }

    /// <summary>Starts a replica that is disposed with the bed.</summary>
    public WebReplica StartReplica(IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        var replica = WebReplica.Start(settings ?? Settings(), services);
        lock (_replicas)
        {
            _replicas.Add(replica);
        }

        return replica;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var replica in _replicas)
        {
            await replica.DisposeAsync();
        }

        await _ecs.DisposeAsync();
        await Jobs.DisposeAsync();
    }
}
