using System.Net;
using Amazon.S3;
using MlApp.Tests.Support;

namespace MlApp.Tests.Integration;

/// <summary>What the tests that hold the S3 stand-in to S3's answers share: a bucket of their own, and reading it back.</summary>
public abstract class S3StandInTest : IAsyncLifetime
{
    protected JobServices Jobs { get; private set; } = null!;

    protected string Bucket => Jobs.Options.BucketName;

    public async Task InitializeAsync() => Jobs = await JobServices.CreateAsync();

    public async Task DisposeAsync() => await Jobs.DisposeAsync();

    protected async Task<byte[]> ReadAsync(string key)
    {
        using var stored = await Jobs.S3.GetObjectAsync(Bucket, key);
        var copy = new MemoryStream();
        await stored.ResponseStream.CopyToAsync(copy);
        return copy.ToArray();
    }

    protected async Task AssertAbsentAsync(string key)
    {
        var error = await Assert.ThrowsAsync<AmazonS3Exception>(() => Jobs.S3.GetObjectMetadataAsync(Bucket, key));
        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
    }
}
