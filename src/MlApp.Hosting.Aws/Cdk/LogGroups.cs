using Amazon.CDK;
using Amazon.CDK.AWS.Logs;
using Constructs;

namespace MlApp.Hosting.Aws.Cdk;

/// <summary>Every log group of the stack is made here, so none is left without a retention.</summary>
public static class LogGroups
{
    /// <summary>
    /// A log group that keeps <see cref="DeploymentSettings.LogRetentionDays"/> and goes with the stack: logs are not
    /// the users' data, and a retained group would outlive <c>cdk destroy</c> and keep costing.
    /// </summary>
    public static LogGroup Create(Construct scope, string id, DeploymentSettings settings) => new(scope, id, new LogGroupProps
    {
        Retention = LogRetention.Of(settings.LogRetentionDays),
        RemovalPolicy = RemovalPolicy.DESTROY,
    });
}
