namespace MlApp.Tests.Deployment;

/// <summary>The logical ids of the stack's roles, found by what uses them rather than by their generated names.</summary>
public sealed record StackRoles(string WebTask, string WebExecution, string BatchTask, string BatchExecution, string Function, string? GpuInstance)
{
    public static StackRoles Of(StackTemplate template)
    {
        var web = template.TaskDefinitionOf("web").Properties;
        var batch = template.TaskDefinitionOf("batch-job").Properties;
        var instanceProfiles = template.OfType("AWS::IAM::InstanceProfile").ToList();
        return new StackRoles(
            StackTemplate.Target(web["TaskRoleArn"]),
            StackTemplate.Target(web["ExecutionRoleArn"]),
            StackTemplate.Target(batch["TaskRoleArn"]),
            StackTemplate.Target(batch["ExecutionRoleArn"]),
            StackTemplate.Target(template.Single("AWS::Lambda::Function").Resource["Properties"]!["Role"]),
            instanceProfiles.Count == 0 ? null : StackTemplate.Target(instanceProfiles.Single().Resource["Properties"]!["Roles"]![0]));
    }

    public IEnumerable<(string Name, string Id)> All =>
    [
        ("web task", WebTask), ("web execution", WebExecution), ("batch task", BatchTask), ("batch execution", BatchExecution),
        ("function", Function), .. GpuInstance is null ? [] : new[] { ("GPU instance", GpuInstance) },
    ];
}
