namespace MlApp.Tests.Support;

/// <summary>One request a <see cref="StandInProxy"/> saw, and the status it answered (0 when it cut the connection).</summary>
/// <param name="Target">The <c>X-Amz-Target</c> header: the operation of a JSON protocol (DynamoDB), absent for REST (S3).</param>
public sealed record ProxiedRequest(string Method, string Path, string Query, string? Target, int Status)
{
    public bool Succeeded => Status is >= 200 and < 300;
}
