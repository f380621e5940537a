namespace MlApp.Hosting.LocalAws.Ecs;

/// <summary>ECS's ARN formats in the local account and region, and the parsing of "name or ARN" parameters.</summary>
internal static class EcsArns
{
    private const string Prefix = $"arn:aws:ecs:{LocalAwsNames.Region}:{LocalAwsNames.AccountId}:";

    public static string Cluster(string name) => $"{Prefix}cluster/{name}";

    /// <summary>The long format (with the cluster name) that ECS has used for new tasks since 2018.</summary>
    public static string Task(string cluster, string id) => $"{Prefix}task/{cluster}/{id}";

    /// <summary>Every local task definition has one revision.</summary>
    public static string TaskDefinition(string family) => $"{Prefix}task-definition/{family}:1";

    public static string Container(string cluster, string taskId, string containerId) => $"{Prefix}container/{cluster}/{taskId}/{containerId}";

    /// <summary>A cluster parameter: its name or ARN; none means the cluster named <c>default</c>, as in ECS.</summary>
    public static string ClusterName(string? nameOrArn) =>
        string.IsNullOrEmpty(nameOrArn) ? "default" : AfterResourceType(nameOrArn, "cluster/") ?? nameOrArn;

    /// <summary>A task definition parameter: <c>family</c>, <c>family:revision</c> or its ARN.</summary>
    public static (string Family, string? Revision) TaskDefinitionName(string familyOrArn)
    {
        var name = AfterResourceType(familyOrArn, "task-definition/") ?? familyOrArn;
        var colon = name.LastIndexOf(':');
        return colon < 0 ? (name, null) : (name[..colon], name[(colon + 1)..]);
    }

    /// <summary>A task parameter: its id, or an ARN in the long (<c>task/cluster/id</c>) or short (<c>task/id</c>) format.</summary>
    public static string TaskId(string idOrArn)
    {
        var path = AfterResourceType(idOrArn, "task/") ?? idOrArn;
        return path[(path.LastIndexOf('/') + 1)..];
    }

    private static string? AfterResourceType(string value, string resourceType)
    {
        if (!value.StartsWith("arn:", StringComparison.Ordinal))
        {
            return null;
        }

        var index = value.IndexOf(':' + resourceType, StringComparison.Ordinal);
        return index < 0 ? null : value[(index + 1 + resourceType.Length)..];
    }
}
