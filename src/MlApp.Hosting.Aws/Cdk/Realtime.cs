using Amazon.CDK;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.Lambda;
using Constructs;
using MlApp.Hosting.Aws.Topology;

namespace MlApp.Hosting.Aws.Cdk;

/// <summary>The realtime function: a container-image Lambda from the project's Dockerfile, called through the alias <c>live</c>.</summary>
public sealed class Realtime : Construct
{
    /// <summary>Callers name the alias, so a rollback is one alias move and provisioned concurrency has a home.</summary>
    public const string AliasName = "live";

    public Realtime(Construct scope, string id, FunctionApp app, IReadOnlyDictionary<string, string> environment, ImageAssets images, DeploymentSettings settings)
        : base(scope, id)
    {
        var logs = LogGroups.Create(this, "Logs", settings);

        // Its own role rather than CDK's default, which brings AWSLambdaBasicExecutionRole: logs:* on every log group.
        var role = new Role(this, "Role", new RoleProps { AssumedBy = new ServicePrincipal("lambda.amazonaws.com") });
        logs.GrantWrite(role);

        Function = new DockerImageFunction(this, "Function", new DockerImageFunctionProps
        {
            Code = images.LambdaCode(app.Project),
            Architecture = Architecture.X86_64,
            MemorySize = settings.FunctionMemoryMiB,
            Timeout = Duration.Seconds(settings.FunctionTimeoutSeconds ?? app.Timeout.TotalSeconds),
            Role = role,
            LogGroup = logs,
            Environment = environment.ToDictionary(),
            Description = $"{app.Project.Name}: realtime predictions",
            ReservedConcurrentExecutions = settings.FunctionReservedConcurrency,
            // A deploy that changes the function publishes a new version (its logical id follows the image) and moves
            // live to it. The old version stays, so live can be pointed back at it (README, "Rollback"); the versions
            // go with the function on cdk destroy.
            CurrentVersionOptions = new VersionOptions { RemovalPolicy = RemovalPolicy.RETAIN },
        });

        Alias = new Alias(this, "Live", new AliasProps
        {
            AliasName = AliasName,
            Version = Function.CurrentVersion,
            ProvisionedConcurrentExecutions = settings.FunctionProvisionedConcurrency > 0 ? settings.FunctionProvisionedConcurrency : null,
        });
    }

    public DockerImageFunction Function { get; }

    public Alias Alias { get; }

    /// <summary>What a caller needs to invoke the function (<c>Realtime</c> section of the web).</summary>
    public IReadOnlyDictionary<string, string> CallerSettings => new Dictionary<string, string>
    {
        [SettingNames.FunctionName] = Function.FunctionName,
        [SettingNames.FunctionQualifier] = AliasName,
    };

    /// <summary>Invoke on the alias only: neither $LATEST nor an older version can be called around it.</summary>
    public void GrantInvoke(IGrantable grantee) => Grants.Allow(grantee, ["lambda:InvokeFunction"], [Alias.FunctionArn]);
}
