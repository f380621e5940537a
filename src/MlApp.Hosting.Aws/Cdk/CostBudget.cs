using Amazon.CDK;
using Amazon.CDK.AWS.Budgets;
using Constructs;

namespace MlApp.Hosting.Aws.Cdk;

/// <summary>
/// A monthly AWS Budgets cost budget of <see cref="DeploymentSettings.MonthlyBudgetUsd"/> that emails
/// <see cref="DeploymentSettings.AlarmEmail"/> when the month's actual cost passes 80% and 100% of it.
/// </summary>
/// <remarks>
/// Budgets watch the whole account (filtering on a tag needs cost allocation tags activated by hand first), so in an
/// account that runs only MlApp the budget is the app's bill. Budgets writes to the address itself: no topic policy
/// for budgets.amazonaws.com is needed.
/// </remarks>
public sealed class CostBudget : Construct
{
    /// <summary>Percentages of the budget at which the month's actual cost is reported.</summary>
    public static readonly IReadOnlyList<int> ThresholdsPercent = [80, 100];

    public CostBudget(Construct scope, string id, DeploymentSettings settings, string email) : base(scope, id)
    {
        var stack = Stack.Of(this);
        Budget = new CfnBudget(this, "Budget", new CfnBudgetProps
        {
            Budget = new CfnBudget.BudgetDataProperty
            {
                // Budget names are unique per account, across regions: the region keeps two deployments apart.
                BudgetName = $"{stack.StackName}-{stack.Region} monthly cost",
                BudgetType = "COST",
                TimeUnit = "MONTHLY",
                BudgetLimit = new CfnBudget.SpendProperty { Amount = settings.MonthlyBudgetUsd, Unit = "USD" },
                // Usage before credits and refunds: research credits would otherwise hide a runaway cost until they run out.
                CostTypes = new CfnBudget.CostTypesProperty { IncludeCredit = false, IncludeRefund = false },
            },
            NotificationsWithSubscribers = ThresholdsPercent.Select(percent => new CfnBudget.NotificationWithSubscribersProperty
            {
                Notification = new CfnBudget.NotificationProperty
                {
                    NotificationType = "ACTUAL",
                    ComparisonOperator = "GREATER_THAN",
                    Threshold = percent,
                    ThresholdType = "PERCENTAGE",
                },
                Subscribers = new[] { new CfnBudget.SubscriberProperty { SubscriptionType = "EMAIL", Address = email } },
            }).ToArray(),
        });
    }

    public CfnBudget Budget { get; }
}
