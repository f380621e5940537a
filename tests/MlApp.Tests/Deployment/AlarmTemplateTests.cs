using System.Text.Json.Nodes;
using MlApp.ServiceDefaults.Metrics;
using MlApp.Tests.Support;

namespace MlApp.Tests.Deployment;

/// <summary>Six alarms, each on its metric with its threshold, writing to the one topic that emails a person.</summary>
[Collection(DeploymentCollection.Name)]
[Trait("Category", "Deployment")]
public sealed class AlarmTemplateTests(SynthesizedStacks stacks)
{
    /// <summary>What each alarm watches and when it fires, as the README's alarm table says.</summary>
    public static readonly IReadOnlyList<ExpectedAlarm> Expected =
    [
        new("web-5xx-rate", null, null, null, 300, ">=", 5, 2, "notBreaching"),
        new("web-unhealthy-targets", "AWS/ApplicationELB", "UnHealthyHostCount", "Maximum", 60, ">=", 1, 5, "ignore"),
        new("function-errors", "AWS/Lambda", "Errors", "Sum", 300, ">=", 5, 1, "notBreaching"),
        new("function-throttles", "AWS/Lambda", "Throttles", "Sum", 300, ">=", 5, 1, "notBreaching"),
        new("batch-jobs-failed", MetricNames.Namespace, MetricNames.JobsFailed, "Sum", 300, ">=", 1, 1, "notBreaching"),
        new("queue-stuck", MetricNames.Namespace, MetricNames.OldestQueuedJobAge, "Maximum", 300, ">", 900, 2, "breaching"),
    ];

    public static TheoryData<string> Names => [.. Expected.Select(alarm => alarm.Name)];

    [Fact]
    public void There_is_one_topic_and_exactly_the_six_alarms_named_after_the_stack()
    {
        stacks.Default.Single("AWS::SNS::Topic");

        Assert.Equal(Expected.Select(alarm => "MlApp-" + alarm.Name).Order(), Alarms(stacks.Default).Select(alarm => (string)alarm["AlarmName"]!).Order());
        Assert.Equal(Expected.Select(alarm => "MlAppCustom-" + alarm.Name).Order(), Alarms(stacks.Custom).Select(alarm => (string)alarm["AlarmName"]!).Order());
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Each_alarm_has_its_metric_threshold_and_periods(string name)
    {
        var expected = Expected.Single(alarm => alarm.Name == name);
        var alarm = Alarm(stacks.Default, name);

        Assert.Equal(expected.Comparison, (string?)alarm["ComparisonOperator"] switch
        {
            "GreaterThanOrEqualToThreshold" => ">=",
            "GreaterThanThreshold" => ">",
            var other => other,
        });
        Assert.Equal(expected.Threshold, (double)alarm["Threshold"]!);
        Assert.Equal(expected.Periods, (int)alarm["EvaluationPeriods"]!);
        Assert.Equal(expected.Periods, (int)alarm["DatapointsToAlarm"]!);
        Assert.Equal(expected.MissingData, (string?)alarm["TreatMissingData"]);
        if (expected.MetricName is not null)
        {
            Assert.Equal(expected.Namespace, (string?)alarm["Namespace"]);
            Assert.Equal(expected.MetricName, (string?)alarm["MetricName"]);
            Assert.Equal(expected.Statistic, (string?)alarm["Statistic"]);
            Assert.Equal(expected.PeriodSeconds, (int)alarm["Period"]!);
        }
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Each_alarm_tells_the_topic_when_it_fires_and_when_it_is_over_and_says_what_to_check_first(string name)
    {
        var (topicId, _) = stacks.Default.Single("AWS::SNS::Topic");
        var alarm = Alarm(stacks.Default, name);

        Assert.Equal(topicId, StackTemplate.Target(Assert.Single(alarm["AlarmActions"]!.AsArray())));
        Assert.Equal(topicId, StackTemplate.Target(Assert.Single(alarm["OKActions"]!.AsArray())));
        Assert.Contains("Check first:", (string?)alarm["AlarmDescription"], StringComparison.Ordinal);
    }

    [Fact]
    public void The_5xx_alarm_is_the_percentage_of_requests_answered_5xx_by_the_load_balancer_or_the_web_from_5_errors_up()
    {
        var metrics = Alarm(stacks.Default, "web-5xx-rate")["Metrics"]!.AsArray().Select(metric => metric!.AsObject()).ToList();
        var (loadBalancerId, _) = stacks.Default.Single("AWS::ElasticLoadBalancingV2::LoadBalancer");

        var expression = Assert.Single(metrics, metric => metric.ContainsKey("Expression"));
        Assert.Equal("IF(FILL(elb, 0) + FILL(target, 0) >= 5, 100 * (FILL(elb, 0) + FILL(target, 0)) / (FILL(requests, 0) + FILL(elb, 0)), 0)",
            (string?)expression["Expression"]);
        var inputs = metrics.Where(metric => metric.ContainsKey("MetricStat")).ToDictionary(metric => (string)metric["Id"]!, metric => metric["MetricStat"]!);
        Assert.Equal(
            new Dictionary<string, string> { ["elb"] = "HTTPCode_ELB_5XX_Count", ["target"] = "HTTPCode_Target_5XX_Count", ["requests"] = "RequestCount" },
            inputs.ToDictionary(input => input.Key, input => (string)input.Value["Metric"]!["MetricName"]!));
        Assert.All(inputs.Values, input =>
        {
            Assert.Equal("AWS/ApplicationELB", (string?)input["Metric"]!["Namespace"]);
            Assert.Equal(("Sum", 300), ((string?)input["Stat"], (int)input["Period"]!));
            var dimension = Assert.Single(input["Metric"]!["Dimensions"]!.AsArray())!;
            Assert.Equal("LoadBalancer", (string?)dimension["Name"]);
            Assert.Equal(loadBalancerId, StackTemplate.Target(dimension["Value"]));
        });
        Assert.All(metrics.Where(metric => metric != expression), metric => Assert.False((bool)metric["ReturnData"]!));
    }

    [Fact]
    public void Unhealthy_targets_are_counted_in_the_webs_target_group()
    {
        var dimensions = Dimensions(Alarm(stacks.Default, "web-unhealthy-targets"));

        Assert.Equal(stacks.Default.Single("AWS::ElasticLoadBalancingV2::TargetGroup").Id, StackTemplate.Target(dimensions["TargetGroup"]));
        Assert.Contains(stacks.Default.Single("AWS::ElasticLoadBalancingV2::Listener").Id, dimensions["LoadBalancer"]!.ToJsonString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("function-errors")]
    [InlineData("function-throttles")]
    public void The_function_alarms_watch_the_alias_live(string name)
    {
        var (functionId, _) = stacks.Default.Single("AWS::Lambda::Function");
        var dimensions = Dimensions(Alarm(stacks.Default, name));

        Assert.Equal(functionId, StackTemplate.Target(dimensions["FunctionName"]));
        Assert.Equal(new JsonArray("", new JsonArray(new JsonObject { ["Ref"] = functionId }, ":live")).ToJsonString(), dimensions["Resource"]!["Fn::Join"]!.ToJsonString());
    }

    [Theory]
    [InlineData("batch-jobs-failed", MetricNames.BatchService)]
    [InlineData("queue-stuck", MetricNames.WebService)]
    public void The_job_alarms_watch_the_metric_of_the_service_that_publishes_it(string name, string service)
    {
        var dimensions = Dimensions(Alarm(stacks.Default, name));

        Assert.Equal(service, (string?)Assert.Single(dimensions, dimension => dimension.Key == MetricNames.ServiceDimension).Value);
        Assert.Single(dimensions);
    }

    [Fact]
    public void The_topic_has_no_subscriber_without_an_email_and_emails_the_one_given()
    {
        Assert.Empty(stacks.Default.OfType("AWS::SNS::Subscription"));

        var subscription = stacks.Custom.Single("AWS::SNS::Subscription").Resource["Properties"]!;
        Assert.Equal("email", (string?)subscription["Protocol"]);
        Assert.Equal(SynthesizedStacks.CustomSettings.AlarmEmail, (string?)subscription["Endpoint"]);
        Assert.Equal(stacks.Custom.Single("AWS::SNS::Topic").Id, StackTemplate.Target(subscription["TopicArn"]));
    }

    [Fact]
    public void The_README_lists_every_alarm()
    {
        var readme = File.ReadAllText(RepositoryRoot.Combine("README.md"));

        Assert.All(Expected, alarm => Assert.Contains($"| `{alarm.Name}` |", readme, StringComparison.Ordinal));
    }

    private static IEnumerable<JsonObject> Alarms(StackTemplate template) =>
        template.OfType("AWS::CloudWatch::Alarm").Select(alarm => alarm.Resource["Properties"]!.AsObject());

    private static JsonObject Alarm(StackTemplate template, string name) =>
        Alarms(template).Single(alarm => ((string)alarm["AlarmName"]!).EndsWith("-" + name, StringComparison.Ordinal));

    private static Dictionary<string, JsonNode?> Dimensions(JsonObject alarm) =>
        alarm["Dimensions"]!.AsArray().ToDictionary(dimension => (string)dimension!["Name"]!, dimension => dimension!["Value"]);

    /// <summary>One alarm's expectation; a null metric name is a metric-math alarm, checked on its own.</summary>
    public sealed record ExpectedAlarm(
        string Name, string? Namespace, string? MetricName, string? Statistic, int PeriodSeconds, string Comparison, double Threshold, int Periods, string MissingData);
}
