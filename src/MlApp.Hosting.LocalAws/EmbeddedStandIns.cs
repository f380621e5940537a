using System.Reflection;

namespace MlApp.Hosting.LocalAws;

/// <summary>DynamoDB (dynalite) and S3 (fauxqs) as two node processes from this project's standins folder: no container engine needed.</summary>
internal static class EmbeddedStandIns
{
    /// <summary>The standins folder in the source tree, where its npm packages are installed (see the project file).</summary>
    public static string Folder { get; } = typeof(EmbeddedStandIns).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(attribute => attribute.Key == "MlApp.StandInsDirectory").Value!;

    public static LocalAwsStandIns AddEmbeddedStandIns(this IDistributedApplicationBuilder builder)
    {
        var dynamoDb = builder.AddNodeStandIn("dynamodb", Folder, "dynamodb.mjs");
        var s3 = builder.AddNodeStandIn("s3", Folder, "s3.mjs");
        return new(dynamoDb, dynamoDb.GetEndpoint("http"), s3, s3.GetEndpoint("http"));
    }

    private static IResourceBuilder<ExecutableResource> AddNodeStandIn(
        this IDistributedApplicationBuilder builder, string name, string directory, string script)
    {
        // Not proxied: the script binds 127.0.0.1 itself on the port Aspire allocates, so nothing (no DCP proxy
        // either) listens on another interface, and the port it announces is the one clients use.
        var standIn = builder.AddExecutable(name, "node", directory, script)
            .WithHttpEndpoint(name: "http", isProxied: false);
        var endpoint = standIn.GetEndpoint("http");
        return standIn.WithArgs(context => context.Args.Add(endpoint.Property(EndpointProperty.TargetPort)));
    }
}
