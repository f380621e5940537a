namespace MlApp.Hosting.LocalAws;

/// <summary>A stand-in's URL on 127.0.0.1 rather than the endpoint's "localhost".</summary>
/// <remarks>
/// The stand-ins bind IPv4 loopback only, and "localhost" may resolve to ::1 first. An IP host also makes the S3 SDK
/// address buckets by path, as a stand-in needs, without any setting in application code.
/// </remarks>
internal static class StandInUrl
{
    /// <summary>For the projects' environment: resolved when Aspire has allocated the port.</summary>
    public static ReferenceExpression Expression(EndpointReference endpoint) =>
        ReferenceExpression.Create($"http://127.0.0.1:{endpoint.Property(EndpointProperty.Port)}");

    /// <summary>For the AppHost's own clients, once the endpoint is allocated.</summary>
    public static string Of(EndpointReference endpoint) => $"http://127.0.0.1:{endpoint.Port}";
}
