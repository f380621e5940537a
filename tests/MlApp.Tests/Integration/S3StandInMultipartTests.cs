using System.Net;
using System.Security.Cryptography;
using Amazon.S3;
using Amazon.S3.Model;
using MlApp.Tests.Support;

namespace MlApp.Tests.Integration;

/// <summary>
/// The S3 stand-in completes a multipart upload with its own store (<c>standins/s3-store.mjs</c>): these hold it to
/// what S3 answers, through the SDK, so an upgrade of fauxqs under it can't change the answers unnoticed.
/// </summary>
[Collection(AwsStandInsCollection.Name)]
[Trait("Category", "Integration")]
public sealed class S3StandInMultipartTests : S3StandInTest
{
    private const int MinPartBytes = 5 * 1024 * 1024;

    [Fact]
    public async Task A_completed_upload_has_its_parts_bytes_and_S3s_multipart_etag()
    {
        byte[][] parts = [RandomNumberGenerator.GetBytes(MinPartBytes), RandomNumberGenerator.GetBytes(MinPartBytes), RandomNumberGenerator.GetBytes(1000)];
        var (key, uploadId, etags) = await UploadPartsAsync(parts);

        var complete = await CompleteAsync(key, uploadId, etags);

        // S3's rule: the MD5 of the parts' binary MD5s, then "-" and the number of parts.
        var expected = $"\"{Convert.ToHexStringLower(MD5.HashData(parts.SelectMany(MD5.HashData).ToArray()))}-{parts.Length}\"";
        Assert.Equal(expected, complete.ETag);
        var stored = await Jobs.S3.GetObjectMetadataAsync(Bucket, key);
        Assert.Equal(expected, stored.ETag);
        Assert.Equal("text/csv", stored.Headers.ContentType);
        Assert.Equal(parts.SelectMany(part => part).ToArray(), await ReadAsync(key));
        var uploads = await Jobs.S3.ListMultipartUploadsAsync(Bucket);
        Assert.Empty(uploads.MultipartUploads ?? []);
    }

    [Fact]
    public async Task A_part_that_was_never_uploaded_is_refused_as_InvalidPart()
    {
        // (Parts out of order can't be sent from here: the SDK sorts them by number before it writes the request.)
        var (key, uploadId, etags) = await UploadPartsAsync([new byte[MinPartBytes], new byte[10]]);

        var error = await Assert.ThrowsAsync<AmazonS3Exception>(() => CompleteAsync(key, uploadId, [etags[0], new PartETag(3, etags[1].ETag)]));

        Assert.Equal("InvalidPart", error.ErrorCode);
        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
    }

    [Fact]
    public async Task A_part_whose_etag_does_not_match_is_refused_as_InvalidPart()
    {
        var (key, uploadId, etags) = await UploadPartsAsync([new byte[10]]);

        var error = await Assert.ThrowsAsync<AmazonS3Exception>(() =>
            CompleteAsync(key, uploadId, [new PartETag(1, "\"00000000000000000000000000000000\"")]));

        Assert.Equal("InvalidPart", error.ErrorCode);
        await AssertAbsentAsync(key);
    }

    [Fact]
    public async Task A_part_before_the_last_under_5_MiB_is_refused_as_EntityTooSmall()
    {
        var (key, uploadId, etags) = await UploadPartsAsync([new byte[MinPartBytes - 1], new byte[10]]);

        var error = await Assert.ThrowsAsync<AmazonS3Exception>(() => CompleteAsync(key, uploadId, etags));

        Assert.Equal("EntityTooSmall", error.ErrorCode);
    }

    [Fact]
    public async Task An_upload_that_was_completed_is_gone()
    {
        var (key, uploadId, etags) = await UploadPartsAsync([new byte[10]]);
        await CompleteAsync(key, uploadId, etags);

        var error = await Assert.ThrowsAsync<AmazonS3Exception>(() => CompleteAsync(key, uploadId, etags));

        Assert.Equal("NoSuchUpload", error.ErrorCode);
        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
    }

    private async Task<(string Key, string UploadId, List<PartETag> ETags)> UploadPartsAsync(byte[][] parts)
    {
        var key = $"results/multipart/{Guid.NewGuid():N}.csv";
        var upload = await Jobs.S3.InitiateMultipartUploadAsync(new InitiateMultipartUploadRequest { BucketName = Bucket, Key = key, ContentType = "text/csv" });
        var etags = new List<PartETag>();
        foreach (var part in parts)
        {
            var uploaded = await Jobs.S3.UploadPartAsync(new UploadPartRequest
            {
                BucketName = Bucket,
                Key = key,
                UploadId = upload.UploadId,
                PartNumber = etags.Count + 1,
                InputStream = new MemoryStream(part),
            });
            etags.Add(new PartETag(etags.Count + 1, uploaded.ETag));
        }

        return (key, upload.UploadId, etags);
    }

    private Task<CompleteMultipartUploadResponse> CompleteAsync(string key, string uploadId, List<PartETag> etags) =>
        Jobs.S3.CompleteMultipartUploadAsync(new CompleteMultipartUploadRequest { BucketName = Bucket, Key = key, UploadId = uploadId, PartETags = etags });
}
