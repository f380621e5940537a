using Amazon.Runtime.Credentials;
using Amazon.Runtime.Signing;

namespace MlApp.Aws;

/// <summary>
/// An HttpClient that signs every request with SigV4 for one service, for the AWS APIs whose SDK packages we can't use
/// (Lambda, ECS). Credentials come from the default chain (environment, profile, ECS task role, IMDS) and refresh themselves.
/// </summary>
public static class SignedHttpClient
{
    public static HttpClient Create(AwsServiceEndpoint endpoint, TimeSpan timeout)
    {
        var credentials = DefaultAWSCredentialsIdentityResolver.GetCredentials(null);
        // Long-lived and shared: a bounded connection lifetime picks up DNS changes of the service endpoint.
        var transport = new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(2) };
        return new HttpClient(new SigV4SigningHandler(credentials, endpoint.Region, endpoint.SigningName, transport))
        {
            BaseAddress = endpoint.Url,
            Timeout = timeout,
        };
    }
}
