namespace MlApp.Hosting.LocalAws;

/// <summary>One LocalStack container serving DynamoDB and S3 on its edge port, for machines with a running container engine.</summary>
public static class LocalStackStandIn
{
    // 4.14.0 is the last LocalStack image that starts without an account (later ones need LOCALSTACK_AUTH_TOKEN).
    // Pinned, so every developer gets the same emulator behaviour.
    private const string Image = "localstack/localstack";
    private const string Tag = "4.14.0";
    private const int EdgePort = 4566;

    /// <summary>The image the AppHost runs, and the Integration tests too, so both meet the same emulator.</summary>
    public const string ImageReference = $"{Image}:{Tag}";

    internal static LocalAwsStandIns AddLocalStack(this IDistributedApplicationBuilder builder)
    {
        var localStack = builder.AddContainer("localstack", Image, Tag)
            .WithHttpEndpoint(targetPort: EdgePort, name: "http")
            .WithEnvironment("SERVICES", "dynamodb,s3");
        var endpoint = localStack.GetEndpoint("http");
        return new(localStack, endpoint, localStack, endpoint);
    }
}
