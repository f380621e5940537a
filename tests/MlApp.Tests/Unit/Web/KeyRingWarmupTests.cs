using Amazon.S3;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MlApp.Web.Security.KeyRing;

namespace MlApp.Tests.Unit.Web;

/// <summary>
/// The start-up read of the key ring, against a data-protection provider whose ring fails to load a few times
/// (the S3 side is covered by the Integration tier).
/// </summary>
[Trait("Category", "Unit")]
public sealed class KeyRingWarmupTests
{
    [Fact]
    public async Task A_ring_that_is_briefly_unreadable_is_retried_until_it_loads()
    {
        var ring = new FlakyRing(failures: 2);

        await Warmup(ring, TimeSpan.FromSeconds(10)).StartingAsync(CancellationToken.None);

        Assert.Equal(3, ring.Attempts);
    }

    [Fact]
    public async Task A_ring_that_stays_unreadable_fails_the_start_with_where_and_why()
    {
        var ring = new FlakyRing(failures: int.MaxValue);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => Warmup(ring, TimeSpan.FromSeconds(1)).StartingAsync(CancellationToken.None));

        Assert.Contains("s3://jobs-bucket/dataprotection/keys/", error.Message);
        Assert.Contains(FlakyRing.Reason, error.Message);
        Assert.True(ring.Attempts > 1);
    }

    private static KeyRingWarmup Warmup(IDataProtectionProvider ring, TimeSpan timeout)
    {
        // A real client that is never called: the repository here only names the location in messages.
        var s3 = new AmazonS3Client(new AmazonS3Config { ServiceURL = "http://127.0.0.1:9/" });
        var repository = new S3XmlRepository(s3, "jobs-bucket", TimeSpan.Zero, TimeProvider.System, NullLogger<S3XmlRepository>.Instance);
        return new KeyRingWarmup(ring, repository, Options.Create(new KeyRingOptions { StartupTimeout = timeout }), TimeProvider.System, NullLogger<KeyRingWarmup>.Instance);
    }

    private sealed class FlakyRing(int failures) : IDataProtectionProvider, IDataProtector
    {
        public const string Reason = "The key ring could not be read.";

        public int Attempts { get; private set; }

        public IDataProtector CreateProtector(string purpose) => this;

        public byte[] Protect(byte[] plaintext) => ++Attempts <= failures ? throw new IOException(Reason) : plaintext;

        public byte[] Unprotect(byte[] protectedData) => protectedData;
    }
}
