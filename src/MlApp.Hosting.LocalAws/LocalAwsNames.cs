namespace MlApp.Hosting.LocalAws;

/// <summary>Names and settings that the stand-ins, the provisioning and every project agree on locally.</summary>
/// <remarks>In AWS the CDK stack supplies the same setting names with the real table and bucket.</remarks>
public static class LocalAwsNames
{
    public const string TableName = "mlapp-jobs";
    public const string BucketName = "mlapp-data";
    public const string Region = "us-east-1";

    /// <summary>The account id in local ARNs: the one AWS documentation uses, so no one mistakes it for theirs.</summary>
    public const string AccountId = "123456789012";

    // The stand-ins check no signatures, but the SDK's credential chain must find something to sign with,
    // and fixed dummies keep a developer's real AWS profile out of local runs.
    public const string AccessKeyId = "local";
    public const string SecretAccessKey = "local";
}
