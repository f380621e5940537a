using Amazon.CDK.AWS.IAM;

namespace MlApp.Hosting.Aws.Cdk;

/// <summary>Explicit IAM statements: what each role may do is spelled out here rather than left to CDK's broader grant helpers.</summary>
public static class Grants
{
    public static void Allow(IGrantable grantee, string[] actions, string[] resources, Dictionary<string, object>? conditions = null) =>
        grantee.GrantPrincipal.AddToPrincipalPolicy(new PolicyStatement(new PolicyStatementProps
        {
            Actions = actions,
            Resources = resources,
            Conditions = conditions,
        }));

    /// <summary>A one-key condition block, e.g. <c>Condition("ArnEquals", "ecs:cluster", arn)</c>.</summary>
    public static Dictionary<string, object> Condition(string @operator, string key, object value) =>
        new() { [@operator] = new Dictionary<string, object> { [key] = value } };
}
