using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Xml.Linq;
using Amazon.S3.Model;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using MlApp.Tests.Support;
using MlApp.Web.Owners;
using MlApp.Web.Security.KeyRing;
using Xunit.Abstractions;

namespace MlApp.Tests.Integration.Web;

/// <summary>
/// Two replicas built separately (own DI container, own memory) on one bucket, as two Fargate tasks behind the ALB:
/// what one issues, the other accepts, because the key ring lives in S3.
/// </summary>
[Collection(AwsStandInsCollection.Name)]
[Trait("Category", "Integration")]
public sealed class ScaleOutTests(ITestOutputHelper output) : IAsyncLifetime
{
    private WebTestBed _bed = null!;

    public async Task InitializeAsync() => _bed = await WebTestBed.CreateAsync();

    public async Task DisposeAsync() => await _bed.DisposeAsync();

    [Fact]
    public async Task An_owner_cookie_issued_by_one_replica_is_accepted_by_the_other()
    {
        var a = _bed.StartReplica();
        var b = _bed.StartReplica();
        using var visitor = Visitor.Browser();

        var jobId = await visitor.SubmitJobAsync(a);

        Assert.NotNull(visitor.Cookie(a, OwnerIdentity.CookieName));
        Assert.Contains(jobId, await visitor.ListJobIdsAsync(b));
        using var read = await visitor.On(b).GetAsync($"/api/jobs/{jobId}");
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
    }

    [Fact]
    public async Task A_replica_with_another_application_name_does_not_accept_the_cookie()
    {
        var a = _bed.StartReplica();
        var other = _bed.StartReplica(_bed.Settings(("DataProtection:ApplicationName", "another-app")));
        using var visitor = Visitor.Browser();

        var jobId = await visitor.SubmitJobAsync(a);

        // The cookie can't be read there, so the visitor is a new anonymous owner with no jobs.
        Assert.DoesNotContain(jobId, await visitor.ListJobIdsAsync(other));
    }

    [Fact]
    public async Task An_antiforgery_token_issued_by_one_replica_validates_on_the_other()
    {
        var a = _bed.StartReplica();
        var b = _bed.StartReplica();
        using var visitor = Visitor.Browser();
        await visitor.ListJobIdsAsync(a);

        var token = await visitor.On(a).GetFromJsonAsync<FormToken>(TestEndpoints.FormPath);
        using var post = await visitor.On(b).PostAsync(TestEndpoints.FormPath, new FormUrlEncodedContent([new(token!.FieldName, token.Value)]));
        using var withoutToken = await visitor.On(b).PostAsync(TestEndpoints.FormPath, new FormUrlEncodedContent([new("name", "value")]));

        Assert.Equal(HttpStatusCode.NoContent, post.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, withoutToken.StatusCode);
    }

    [Fact]
    public async Task An_antiforgery_token_is_refused_by_a_replica_with_another_key_ring()
    {
        var a = _bed.StartReplica();
        var other = _bed.StartReplica(_bed.Settings(("DataProtection:ApplicationName", "another-app")));
        using var visitor = Visitor.Browser();

        var token = await visitor.On(a).GetFromJsonAsync<FormToken>(TestEndpoints.FormPath);
        using var post = await visitor.On(other).PostAsync(TestEndpoints.FormPath, new FormUrlEncodedContent([new(token!.FieldName, token.Value)]));

        Assert.Equal(HttpStatusCode.BadRequest, post.StatusCode);
    }

    [Fact]
    public async Task Keys_are_stored_in_the_bucket_under_the_data_protection_prefix()
    {
        var started = Stopwatch.StartNew();
        var a = _bed.StartReplica();
        output.WriteLine($"First replica on an empty ring started in {started.ElapsedMilliseconds} ms");

        var keyId = KeyIdOf(a, "a payload");

        var listing = await _bed.Jobs.S3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = _bed.Jobs.Options.BucketName, Prefix = S3XmlRepository.Prefix });
        var stored = Assert.Single(listing.S3Objects);
        Assert.Equal($"{S3XmlRepository.Prefix}key-{keyId:D}.xml", stored.Key);
        using var body = await _bed.Jobs.S3.GetObjectAsync(_bed.Jobs.Options.BucketName, stored.Key);
        var key = await XElement.LoadAsync(body.ResponseStream, LoadOptions.None, CancellationToken.None);
        Assert.Equal("key", key.Name.LocalName);
        Assert.Equal(keyId, Guid.Parse(key.Attribute("id")!.Value));

        started.Restart();
        var b = _bed.StartReplica();
        output.WriteLine($"Second replica, reading the existing ring, started in {started.ElapsedMilliseconds} ms");
        Assert.Equal(keyId, KeyIdOf(b, "another payload"));
    }

    /// <summary>
    /// Two replicas read the empty ring, each writes a key, and one key lands late. Whichever key the resolver prefers
    /// once it sees both (the older or the newer; that is the framework's choice), one of these orders would leave the
    /// quick replica on a key the other doesn't use, if it didn't wait for racing keys before settling on one.
    /// </summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Replicas_racing_on_an_empty_ring_settle_on_one_key(bool lateKeyIsNewer)
    {
        var settings = _bed.Settings(("DataProtection:KeySettleDelay", "00:00:05"));
        var late = new SlowKeyRing { KeyWriteDelay = TimeSpan.FromSeconds(2) };
        var quick = new SlowKeyRing { FirstReadWaitsFor = lateKeyIsNewer ? late.KeyWriteHeld : Task.CompletedTask };
        Task<WebReplica> Start(SlowKeyRing s3) => Task.Run(() => _bed.StartReplica(settings, services => services.AddSingleton(s3.CreateClient())));

        Task<WebReplica> lateReplica, quickReplica;
        if (lateKeyIsNewer)
        {
            // The quick replica takes its timestamp first, but reads the ring only after the late one has read it empty.
            quickReplica = Start(quick);
            await quick.FirstReadHeld.WaitAsync(TimeSpan.FromSeconds(30));
            lateReplica = Start(late);
        }
        else
        {
            lateReplica = Start(late);
            await late.KeyWriteHeld.WaitAsync(TimeSpan.FromSeconds(30));
            quickReplica = Start(quick);
        }

        var replicas = await Task.WhenAll(lateReplica, quickReplica);

        var listing = await _bed.Jobs.S3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = _bed.Jobs.Options.BucketName, Prefix = S3XmlRepository.Prefix });
        Assert.Equal(2, listing.S3Objects.Count);
        Assert.Equal(KeyIdOf(replicas[0], "payload"), KeyIdOf(replicas[1], "payload"));
    }

    /// <summary>A protected payload starts with a 4-byte magic header and the id of the key that protected it.</summary>
    private static Guid KeyIdOf(WebReplica replica, string text)
    {
        var payload = replica.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("MlApp.Tests").Protect(System.Text.Encoding.UTF8.GetBytes(text));
        return new Guid(payload.AsSpan(4, 16));
    }
}
