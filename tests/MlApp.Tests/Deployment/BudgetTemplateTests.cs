namespace MlApp.Tests.Deployment;

/// <summary>A monthly cost budget that emails at 80% and 100% of the actual cost, when there is someone to email.</summary>
[Collection(DeploymentCollection.Name)]
[Trait("Category", "Deployment")]
public sealed class BudgetTemplateTests(SynthesizedStacks stacks)
{
    [Fact]
    public void Without_an_email_there_is_no_budget_since_it_would_tell_nobody()
    {
        Assert.Empty(stacks.Default.OfType("AWS::Budgets::Budget"));
    }

    [Fact]
    public void The_budget_is_a_monthly_cost_budget_of_the_set_amount_in_US_dollars_before_credits()
    {
        var budget = stacks.Custom.Single("AWS::Budgets::Budget").Resource["Properties"]!["Budget"]!;

        Assert.Equal(("COST", "MONTHLY"), ((string?)budget["BudgetType"], (string?)budget["TimeUnit"]));
        Assert.Equal(SynthesizedStacks.CustomSettings.MonthlyBudgetUsd, (int)budget["BudgetLimit"]!["Amount"]!);
        Assert.Equal("USD", (string?)budget["BudgetLimit"]!["Unit"]);
        Assert.False((bool)budget["CostTypes"]!["IncludeCredit"]!);
        Assert.False((bool)budget["CostTypes"]!["IncludeRefund"]!);
        // Unique per account across regions, as budget names must be.
        Assert.Equal("""{"Fn::Join":["",["MlAppCustom-",{"Ref":"AWS::Region"}," monthly cost"]]}""", budget["BudgetName"]!.ToJsonString());
    }

    [Fact]
    public void The_budget_emails_the_alarm_address_at_80_and_100_percent_of_the_actual_cost()
    {
        var notifications = stacks.Custom.Single("AWS::Budgets::Budget").Resource["Properties"]!["NotificationsWithSubscribers"]!.AsArray();

        Assert.Equal([80, 100], notifications.Select(entry => (int)entry!["Notification"]!["Threshold"]!));
        Assert.All(notifications, entry =>
        {
            var notification = entry!["Notification"]!;
            Assert.Equal(("ACTUAL", "GREATER_THAN", "PERCENTAGE"),
                ((string?)notification["NotificationType"], (string?)notification["ComparisonOperator"], (string?)notification["ThresholdType"]));
            var subscriber = Assert.Single(entry["Subscribers"]!.AsArray())!;
            Assert.Equal(("EMAIL", SynthesizedStacks.CustomSettings.AlarmEmail), ((string?)subscriber["SubscriptionType"], (string?)subscriber["Address"]));
        });
    }
}
