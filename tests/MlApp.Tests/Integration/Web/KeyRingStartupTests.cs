using Amazon.S3;
using Microsoft.Extensions.DependencyInjection;
using MlApp.Tests.Support;
using MlApp.Web.Security.KeyRing;

namespace MlApp.Tests.Integration.Web;

/// <summary>A replica that can't read the key ring doesn't start half-working: it stops with an error that says where it looked.</summary>
[Collection(AwsStandInsCollection.Name)]
[Trait("Category", "Integration")]
public sealed class KeyRingStartupTests : IAsyncLifetime
{
    private WebTestBed _bed = null!;

    public async Task InitializeAsync() => _bed = await WebTestBed.CreateAsync();

    public async Task DisposeAsync() => await _bed.DisposeAsync();

    [Fact]
    public void A_replica_that_cannot_reach_s3_fails_to_start_and_names_the_key_ring_location()
    {
        var settings = _bed.Settings(("DataProtection:StartupTimeout", "00:00:02"));
        // A real client, pointed where nothing listens (port 9 refuses connections here).
        var unreachable = new AmazonS3Client(new AmazonS3Config { ServiceURL = "http://127.0.0.1:9/", ForcePathStyle = true, MaxErrorRetry = 0 });

        var error = Assert.ThrowsAny<Exception>(() => _bed.StartReplica(settings, services => services.AddSingleton<IAmazonS3>(unreachable)));

        var cause = FindKeyRingError(error);
        Assert.Contains($"s3://{_bed.Jobs.Options.BucketName}/{S3XmlRepository.Prefix}", cause.Message);
        Assert.Contains("within 00:00:02", cause.Message);
    }

    private static InvalidOperationException FindKeyRingError(Exception error)
    {
        for (Exception? e = error; e is not null; e = e.InnerException)
        {
            if (e is InvalidOperationException { Message: var message } found && message.Contains("key ring", StringComparison.Ordinal))
            {
                return found;
            }
        }

        throw new Xunit.Sdk.XunitException($"No key-ring error in: {error}");
    }
}
