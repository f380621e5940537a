namespace MlApp.Hosting.LocalAws;

/// <summary>Where the local DynamoDB and S3 listen, and the resources a project waits for: they turn healthy once the table and bucket exist.</summary>
/// <remarks>With LocalStack both pairs name the same container.</remarks>
public sealed record LocalAwsStandIns(
    IResourceBuilder<IResource> DynamoDb,
    EndpointReference DynamoDbEndpoint,
    IResourceBuilder<IResource> S3,
    EndpointReference S3Endpoint);
