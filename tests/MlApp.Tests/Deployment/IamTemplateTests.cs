using System.Text.Json.Nodes;

namespace MlApp.Tests.Deployment;

[Collection(DeploymentCollection.Name)]
[Trait("Category", "Deployment")]
public sealed class IamTemplateTests(SynthesizedStacks stacks)
{
    /// <summary>Every action allowed on resource "*", and why AWS offers nothing narrower for it.</summary>
    public static readonly IReadOnlyDictionary<string, string> AllowedOnAnyResource = new Dictionary<string, string>
    {
        ["ecr:GetAuthorizationToken"] = "an account-wide registry login; the action has no resource type (execution roles pull images with it)",
        ["ecs:ListTasks"] = "authorizes against container instances, which Fargate tasks have none of; held to the cluster by the ecs:cluster condition",
        ["ecs:DiscoverPollEndpoint"] = "GPU option: an account-level call of the container agent with no resource type",
        ["ecs:Poll"] = "GPU option: the container instance's ARN exists only after it registers; held to the cluster by the ecs:cluster condition",
        ["ecs:StartTelemetrySession"] = "GPU option: as ecs:Poll, held to the cluster by the ecs:cluster condition",
    };

    private static readonly string[] GpuOnly = ["ecs:DiscoverPollEndpoint", "ecs:Poll", "ecs:StartTelemetrySession"];

    public static TheoryData<string> Variants => ["default", "gpu", "custom"];

    [Theory]
    [MemberData(nameof(Variants))]
    public void No_statement_allows_every_action_or_every_action_of_a_service(string variant)
    {
        var statements = Template(variant).Statements().ToList();

        Assert.NotEmpty(statements);
        Assert.All(statements, statement => Assert.Equal("Allow", statement.Effect));
        Assert.All(statements.SelectMany(statement => statement.Actions), action => Assert.False(action == "*" || action.EndsWith(":*", StringComparison.Ordinal), action));
        Assert.Empty(Template(variant).OfType("AWS::IAM::ManagedPolicy"));
        Assert.All(Template(variant).OfType("AWS::IAM::Role"), role => Assert.Null(role.Resource["Properties"]!["ManagedPolicyArns"]));
    }

    [Theory]
    [MemberData(nameof(Variants))]
    public void Resource_star_appears_only_for_the_listed_actions(string variant)
    {
        var onAnyResource = Template(variant).Statements().Where(statement => statement.OnAnyResource).ToList();
        var expected = AllowedOnAnyResource.Keys.Where(action => variant == "gpu" || !GpuOnly.Contains(action)).Order();

        Assert.Equal(expected, onAnyResource.SelectMany(statement => statement.Actions).Distinct().Order());
        Assert.All(onAnyResource, statement => Assert.Single(statement.Resources));
        Assert.All(onAnyResource.Where(statement => statement.Actions.Any(action => action is "ecs:ListTasks" or "ecs:Poll")),
            statement => Assert.NotNull(statement.Condition?["ArnEquals"]?["ecs:cluster"]));
    }

    [Theory]
    [InlineData("default")]
    [InlineData("gpu")]
    public void RunTask_is_allowed_only_on_the_task_definition_the_web_is_given_and_only_in_the_cluster(string variant)
    {
        var template = Template(variant);
        var roles = StackRoles.Of(template);
        var environment = WebEnvironment(template);

        var runTask = Assert.Single(template.Statements(), statement => statement.Actions.Contains("ecs:RunTask"));
        Assert.Equal(roles.WebTask, runTask.RoleId);
        Assert.Equal(["ecs:RunTask"], runTask.Actions);
        Assert.Equal(environment["Batch__TaskDefinition"]!.ToJsonString(), Assert.Single(runTask.Resources).ToJsonString());
        Assert.Equal(ClusterArn(template), runTask.Condition!["ArnEquals"]!["ecs:cluster"]!.ToJsonString());
    }

    [Fact]
    public void PassRole_is_allowed_only_on_the_batch_tasks_two_roles_and_only_to_ECS_tasks()
    {
        var roles = StackRoles.Of(stacks.Default);

        var passRole = Assert.Single(stacks.Default.Statements(), statement => statement.Actions.Contains("iam:PassRole"));
        Assert.Equal(roles.WebTask, passRole.RoleId);
        Assert.Equal(["iam:PassRole"], passRole.Actions);
        Assert.Equal([roles.BatchExecution, roles.BatchTask], passRole.Resources.Select(StackTemplate.Target).Order());
        Assert.Equal("ecs-tasks.amazonaws.com", (string?)passRole.Condition!["StringEquals"]!["iam:PassedToService"]);
    }

    [Fact]
    public void Only_the_alias_live_may_be_invoked()
    {
        var (aliasId, _) = stacks.Default.Single("AWS::Lambda::Alias");

        var invoke = Assert.Single(stacks.Default.Statements(), statement => statement.Actions.Contains("lambda:InvokeFunction"));
        Assert.Equal(StackRoles.Of(stacks.Default).WebTask, invoke.RoleId);
        Assert.Equal(aliasId, StackTemplate.Target(Assert.Single(invoke.Resources)));
    }

    [Fact]
    public void Each_role_holds_exactly_the_actions_its_app_calls()
    {
        var roles = StackRoles.Of(stacks.Default);
        string[] pull = ["ecr:BatchCheckLayerAvailability", "ecr:BatchGetImage", "ecr:GetAuthorizationToken", "ecr:GetDownloadUrlForLayer", "logs:CreateLogStream", "logs:PutLogEvents"];
        var expected = new Dictionary<string, string[]>
        {
            [roles.WebTask] =
            [
                "dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:Query", "dynamodb:UpdateItem", "ecs:ListTasks", "ecs:RunTask",
                "iam:PassRole", "lambda:InvokeFunction", "s3:AbortMultipartUpload", "s3:DeleteObject", "s3:GetObject", "s3:ListBucket", "s3:PutObject",
            ],
            [roles.WebExecution] = pull,
            [roles.BatchTask] = ["dynamodb:Query", "dynamodb:UpdateItem", "s3:AbortMultipartUpload", "s3:GetObject", "s3:PutObject"],
            [roles.BatchExecution] = pull,
            [roles.Function] = ["logs:CreateLogStream", "logs:PutLogEvents"],
        };

        Assert.Equal(expected.Keys.Order(), stacks.Default.OfType("AWS::IAM::Role").Select(role => role.Id).Order());
        foreach (var (roleId, actions) in expected)
        {
            Assert.Equal(actions.Order(), stacks.Default.StatementsOf(roleId).SelectMany(statement => statement.Actions).Distinct().Order());
        }
    }

    [Fact]
    public void The_batch_worker_reads_only_inputs_and_writes_only_results()
    {
        var statements = stacks.Default.StatementsOf(StackRoles.Of(stacks.Default).BatchTask);

        Assert.EndsWith("/inputs/*\"]]}", ObjectsOf(statements, "s3:GetObject"), StringComparison.Ordinal);
        Assert.EndsWith("/results/*\"]]}", ObjectsOf(statements, "s3:PutObject"), StringComparison.Ordinal);
        Assert.EndsWith("/index/queue\"]]}", ObjectsOf(statements, "dynamodb:Query"), StringComparison.Ordinal);
    }

    [Fact]
    public void The_web_lists_the_bucket_only_under_the_data_protection_prefix()
    {
        var list = Assert.Single(stacks.Default.StatementsOf(StackRoles.Of(stacks.Default).WebTask), statement => statement.Actions.Contains("s3:ListBucket"));

        Assert.Equal("dataprotection/*", (string?)list.Condition!["StringLike"]!["s3:prefix"]);
    }

    private StackTemplate Template(string variant) => variant switch
    {
        "default" => stacks.Default,
        "gpu" => stacks.Gpu,
        _ => stacks.Custom,
    };

    private static Dictionary<string, JsonNode?> WebEnvironment(StackTemplate template) =>
        StackTemplate.Environment(StackTemplate.Container(template.TaskDefinitionOf("web").Properties));

    private static string ClusterArn(StackTemplate template) =>
        new JsonObject { ["Fn::GetAtt"] = new JsonArray(template.Single("AWS::ECS::Cluster").Id, "Arn") }.ToJsonString();

    private static string ObjectsOf(IEnumerable<PolicyStatement> statements, string action) =>
        Assert.Single(Assert.Single(statements, statement => statement.Actions.Contains(action)).Resources).ToJsonString();
}
