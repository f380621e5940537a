using Amazon.CDK;
using Constructs;
using MlApp.Hosting.Aws.Topology;

namespace MlApp.Hosting.Aws.Cdk;

/// <summary>
/// The whole deployment, composed from the AppHost's topology: network and data first, then the function and the batch
/// task, then the web that calls both, as AppHost.cs reads, and last what watches them: alarms and the budget. Each
/// project gets the settings and rights its annotations ask for.
/// </summary>
public sealed class MlAppStack : Stack
{
    public MlAppStack(Construct scope, AppTopology topology, DeploymentSettings settings)
        : base(scope, settings.StackName, new StackProps { Description = "MlApp: web on Fargate behind an ALB, realtime predictions on Lambda, batch predictions as RunTask tasks" })
    {
        var images = new ImageAssets(topology.RepositoryRoot);
        Network = new Network(this, "Network");
        Data = new Data(this, "Data", settings);

        // The function reads neither table nor bucket (it predicts and answers), so it gets their names but no rights.
        var function = topology.Function.Project;
        Realtime = new Realtime(this, "Realtime", topology.Function, Merge(JobSettings(function), OtlpExport.Settings(settings, function.Name)), images, settings);

        var batch = topology.Batch.Project;
        Batch = new Batch(this, "Batch", topology.Batch, Merge(JobSettings(batch), OtlpExport.Settings(settings, batch.Name)), Network, images, settings);
        Grant(batch, Batch.TaskRole, Data.GrantWorkerAccess);
        Gpu = settings.GpuEnabled
            ? new GpuCapacity(this, "Gpu", Network, Batch, images.ContainerImage(batch, GpuCapacity.Dockerfile(batch)), settings)
            : null;

        var web = topology.Web;
        var batchTarget = Gpu?.Target ?? Batch.Target;
        var webSettings = Merge(
            JobSettings(web),
            web.InvokesFunction is null ? NoSettings : Realtime.CallerSettings,
            web.RunsTask is null ? NoSettings : Batch.CallerSettings(batchTarget, Network, settings),
            Costs.CostSizing.WebSettings(settings),
            OtlpExport.Settings(settings, web.Name));
        Web = new Web(this, "Web", web, webSettings, Network, images, settings);
        Grant(web, Web.TaskRole, Data.GrantWebAccess);
        if (web.InvokesFunction is not null)
        {
            Realtime.GrantInvoke(Web.TaskRole);
        }

        if (web.RunsTask is not null)
        {
            Batch.GrantRun(Web.TaskRole, batchTarget, Network);
        }

        var alarmTopic = new AlarmTopic(this, "AlarmTopic", settings);
        Alarms = new Alarms(this, "Alarms", Web, Realtime, alarmTopic);
        Budget = settings.AlarmEmailOrNull is { } email ? new CostBudget(this, "CostBudget", settings, email) : null;

        _ = new CfnOutput(this, "WebUrl", new CfnOutputProps
        {
            Value = $"{(settings.CertificateArn is null ? "http" : "https")}://{Web.Service.LoadBalancer.LoadBalancerDnsName}",
            Description = "The app",
        });
        _ = new CfnOutput(this, "BucketName", new CfnOutputProps { Value = Data.Bucket.BucketName, Description = "Inputs and results; kept by cdk destroy" });
        _ = new CfnOutput(this, "TableName", new CfnOutputProps { Value = Data.Table.TableName, Description = "Job records; kept by cdk destroy" });
        _ = new CfnOutput(this, "FunctionName", new CfnOutputProps { Value = Realtime.Function.FunctionName, Description = "The realtime function; README, Rollback" });
        _ = new CfnOutput(this, "AlarmTopicArn", new CfnOutputProps { Value = alarmTopic.Topic.TopicArn, Description = "Where the alarms write; subscribe more addresses here" });
    }

    public Network Network { get; }

    public Data Data { get; }

    public Realtime Realtime { get; }

    public Batch Batch { get; }

    public GpuCapacity? Gpu { get; }

    public Web Web { get; }

    public Alarms Alarms { get; }

    /// <summary>Null without <see cref="DeploymentSettings.AlarmEmail"/>: a budget that tells nobody would only cost.</summary>
    public CostBudget? Budget { get; }

    private static readonly IReadOnlyDictionary<string, string> NoSettings = new Dictionary<string, string>();

    private IReadOnlyDictionary<string, string> JobSettings(AppProject project) => project.UsesJobStore ? Data.Settings : NoSettings;

    private static Dictionary<string, string> Merge(params IReadOnlyDictionary<string, string>[] parts) =>
        parts.SelectMany(part => part).ToDictionary();

    private static void Grant(AppProject project, Amazon.CDK.AWS.IAM.IGrantable role, Action<Amazon.CDK.AWS.IAM.IGrantable> grant)
    {
        if (project.UsesJobStore)
        {
            grant(role);
        }
    }
}
