using System.Text.RegularExpressions;
using MlApp.Aws.Ecs;

namespace MlApp.Hosting.LocalAws.Ecs;

/// <summary>
/// The parameter rules of the ECS API reference that a local caller could break, checked as strictly as AWS checks
/// them, so a request that passes here is not refused later in AWS.
/// </summary>
internal static partial class EcsRequestRules
{
    public const int MaxTasksPerRunTask = 10;
    public const int MaxTasksPerDescribe = 100;
    public const int MaxListResults = 100;

    public static int Count(int? count) => count is null or (>= 1 and <= MaxTasksPerRunTask)
        ? count ?? 1
        : throw EcsApiError.InvalidParameter($"Count must be between 1 and {MaxTasksPerRunTask}.");

    /// <summary>Fargate task definitions use awsvpc networking, which cannot start without a subnet.</summary>
    public static void Network(NetworkConfiguration? network)
    {
        var vpc = network?.AwsvpcConfiguration;
        if (vpc?.Subnets is not { Count: > 0 } subnets)
        {
            throw EcsApiError.InvalidParameter("Network Configuration must be provided when networkMode 'awsvpc' is specified.");
        }

        if (subnets.Count > 16 || vpc.SecurityGroups?.Count > 5)
        {
            throw EcsApiError.InvalidParameter("At most 16 subnets and 5 security groups are allowed in awsvpcConfiguration.");
        }

        if (vpc.AssignPublicIp is not (null or "ENABLED" or "DISABLED"))
        {
            throw EcsApiError.InvalidParameter("assignPublicIp must be ENABLED or DISABLED.");
        }
    }

    /// <summary>Up to 36 letters, numbers, hyphens, forward slashes and underscores.</summary>
    public static void StartedBy(string? startedBy)
    {
        if (startedBy is not null && !StartedByPattern().IsMatch(startedBy))
        {
            throw EcsApiError.InvalidParameter("startedBy must be 1 to 36 letters, numbers, hyphens, forward slashes or underscores.");
        }
    }

    /// <summary>Up to 64 characters in the range 33-126.</summary>
    public static void ClientToken(string? token)
    {
        if (token is not null && (token.Length is 0 or > 64 || token.Any(c => c is < (char)33 or > (char)126)))
        {
            throw EcsApiError.InvalidParameter("clientToken must be 1 to 64 characters in the range 33-126.");
        }
    }

    public static string DesiredStatus(string? desiredStatus) => desiredStatus switch
    {
        null or "RUNNING" => EcsTaskStatus.Running,
        "STOPPED" => EcsTaskStatus.Stopped,
        // ECS accepts PENDING but never sets it as a desired status, so it lists nothing.
        "PENDING" => "PENDING",
        _ => throw EcsApiError.InvalidParameter("desiredStatus must be RUNNING, PENDING or STOPPED."),
    };

    /// <summary>ECS documents that startedBy, when given, must be the only filter of ListTasks.</summary>
    public static void ListFilters(ListTasksRequest request)
    {
        if (request.StartedBy is not null && (request.Family is not null || request.DesiredStatus is not null))
        {
            throw EcsApiError.InvalidParameter("When startedBy is specified it must be the only filter.");
        }
    }

    [GeneratedRegex("^[A-Za-z0-9_/-]{1,36}$")]
    private static partial Regex StartedByPattern();
}
