using Amazon.CDK;
using Amazon.CDK.AWS.SNS;
using Amazon.CDK.AWS.SNS.Subscriptions;
using Constructs;

namespace MlApp.Hosting.Aws.Cdk;

/// <summary>The one SNS topic every alarm writes to, with <see cref="DeploymentSettings.AlarmEmail"/> subscribed when set.</summary>
/// <remarks>
/// Not encrypted: CloudWatch can publish to a KMS-encrypted topic only through a customer-managed key with its own key
/// policy, a monthly cost for messages that only say which alarm changed state.
/// </remarks>
public sealed class AlarmTopic : Construct
{
    public AlarmTopic(Construct scope, string id, DeploymentSettings settings) : base(scope, id)
    {
        // The email's sender name: which deployment is writing.
        Topic = new Topic(this, "Topic", new TopicProps { DisplayName = $"{Stack.Of(this).StackName} alarms" });
        if (settings.AlarmEmailOrNull is { } email)
        {
            // AWS first sends a confirmation link; nothing arrives until it is clicked (README, "Alarms").
            Topic.AddSubscription(new EmailSubscription(email));
        }
    }

    public Topic Topic { get; }
}
