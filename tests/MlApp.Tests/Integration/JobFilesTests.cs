using System.Security.Cryptography;
using Amazon.S3.Model;
using MlApp.Jobs;
using MlApp.Tests.Support;

namespace MlApp.Tests.Integration;

[Collection(AwsStandInsCollection.Name)]
[Trait("Category", "Integration")]
public sealed class JobFilesTests : IAsyncLifetime
{
    private JobServices _jobs = null!;

    public async Task InitializeAsync()
    {
        _jobs = await JobServices.CreateAsync();
        // Presigned links are checked against the real clock by servers that check them at all.
        _jobs.Time.SetUtcNow(DateTimeOffset.UtcNow);
    }

    public async Task DisposeAsync() => await _jobs.DisposeAsync();

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(100_000)]
    [InlineData(S3StreamingUpload.PartSize)]
    [InlineData(20 * 1024 * 1024)]
    public async Task A_streamed_upload_downloads_byte_for_byte(int size)
    {
        var content = RandomNumberGenerator.GetBytes(size);
        var key = JobKeys.InputKey("alice", JobKeys.NewJobId("alice", null, _jobs.Time));

        var stored = await _jobs.Files.UploadAsync(key, new ForwardOnlyStream(content), "text/csv", default);

        Assert.Equal(size, stored);
        await using var download = await _jobs.Files.OpenReadAsync(key, default);
        var copy = new MemoryStream();
        await download.CopyToAsync(copy);
        Assert.Equal(size, copy.Length);
        Assert.Equal(SHA256.HashData(content), SHA256.HashData(copy.ToArray()));
    }

    [Fact]
    public async Task An_upload_that_breaks_off_leaves_no_object_behind()
    {
        var content = RandomNumberGenerator.GetBytes(20 * 1024 * 1024);
        var key = JobKeys.InputKey("alice", JobKeys.NewJobId("alice", null, _jobs.Time));

        await Assert.ThrowsAsync<IOException>(() =>
            _jobs.Files.UploadAsync(key, new ForwardOnlyStream(content, failAfterBytes: 12 * 1024 * 1024), "text/csv", default));

        await Assert.ThrowsAsync<NoSuchKeyException>(() => _jobs.Files.OpenReadAsync(key, default));
        var uploads = await _jobs.S3.ListMultipartUploadsAsync(_jobs.Options.BucketName);
        Assert.Empty(uploads.MultipartUploads ?? []);
    }

    [Fact]
    public async Task A_download_link_serves_the_file_to_a_plain_http_client()
    {
        var content = "sepal_length,species\n5.1,setosa\n"u8.ToArray();
        var key = JobKeys.ResultKey("alice", JobKeys.NewJobId("alice", null, _jobs.Time));
        await _jobs.Files.UploadAsync(key, new MemoryStream(content), "text/csv", default);

        var link = await _jobs.Files.CreateDownloadLinkAsync(key, "predictions.csv", TimeSpan.FromMinutes(15));

        using var http = new HttpClient();
        using var response = await http.GetAsync(link);
        Assert.True(response.IsSuccessStatusCode, $"GET {link} answered {(int)response.StatusCode}");
        Assert.Equal(content, await response.Content.ReadAsByteArrayAsync());
        Assert.Contains("X-Amz-Signature=", link.Query);
        var signedLifetime = int.Parse(System.Web.HttpUtility.ParseQueryString(link.Query)["X-Amz-Expires"]!);
        Assert.InRange(signedLifetime, 890, 900);
    }

    [Fact]
    public async Task A_download_link_cannot_outlive_fifteen_minutes()
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() =>
            _jobs.Files.CreateDownloadLinkAsync("results/alice/x.csv", "x.csv", TimeSpan.FromMinutes(16)));
    }
}
