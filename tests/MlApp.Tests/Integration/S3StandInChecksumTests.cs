using System.Net;
using System.Text;
using Amazon.S3;
using Amazon.S3.Model;
using MlApp.Tests.Support;

namespace MlApp.Tests.Integration;

/// <summary>
/// The S3 stand-in checks an upload's CRC-32 as S3 does (<c>standins/s3-checksums.mjs</c>), in a header or in an
/// aws-chunked trailer: a wrong one is refused as BadDigest and stores nothing. So an upload of ours with a wrong
/// checksum fails here, not first in AWS.
/// </summary>
[Collection(AwsStandInsCollection.Name)]
[Trait("Category", "Integration")]
public sealed class S3StandInChecksumTests(AwsStandIns standIns) : S3StandInTest
{
    private static readonly byte[] Content = "123456789"u8.ToArray();
    private const string ContentCrc32 = "y/Q5Jg==";
    private const string WrongCrc32 = "AAAAAA==";

    [Fact]
    public async Task A_put_with_a_wrong_checksum_header_is_refused_as_BadDigest_and_stores_nothing()
    {
        var key = NewKey();

        var error = await Assert.ThrowsAsync<AmazonS3Exception>(() => Jobs.S3.PutObjectAsync(new PutObjectRequest
        {
            BucketName = Bucket,
            Key = key,
            InputStream = new MemoryStream(Content),
            ChecksumAlgorithm = ChecksumAlgorithm.CRC32,
            ChecksumCRC32 = WrongCrc32,
        }));

        Assert.Equal("BadDigest", error.ErrorCode);
        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Contains("CRC32", error.Message);
        await AssertAbsentAsync(key);
    }

    [Fact]
    public async Task A_part_with_a_wrong_checksum_header_is_refused_as_BadDigest()
    {
        var key = NewKey();
        var upload = await Jobs.S3.InitiateMultipartUploadAsync(new InitiateMultipartUploadRequest { BucketName = Bucket, Key = key });

        var error = await Assert.ThrowsAsync<AmazonS3Exception>(() => Jobs.S3.UploadPartAsync(new UploadPartRequest
        {
            BucketName = Bucket,
            Key = key,
            UploadId = upload.UploadId,
            PartNumber = 1,
            InputStream = new MemoryStream(Content),
            ChecksumAlgorithm = ChecksumAlgorithm.CRC32,
            ChecksumCRC32 = WrongCrc32,
        }));

        Assert.Equal("BadDigest", error.ErrorCode);
    }

    [Fact]
    public async Task A_put_with_the_right_checksum_header_stores_the_bytes()
    {
        var key = NewKey();

        await Jobs.S3.PutObjectAsync(new PutObjectRequest
        {
            BucketName = Bucket,
            Key = key,
            InputStream = new MemoryStream(Content),
            ChecksumAlgorithm = ChecksumAlgorithm.CRC32,
            ChecksumCRC32 = ContentCrc32,
        });

        Assert.Equal(Content, await ReadAsync(key));
    }

    [Fact]
    public async Task A_chunked_put_with_a_wrong_trailing_checksum_is_refused_as_BadDigest_and_stores_nothing()
    {
        var key = NewKey();

        using var response = await PutChunkedAsync(key, WrongCrc32);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("<Code>BadDigest</Code>", await response.Content.ReadAsStringAsync());
        await AssertAbsentAsync(key);
    }

    [Fact]
    public async Task A_chunked_put_with_the_right_trailing_checksum_stores_the_decoded_bytes()
    {
        var key = NewKey();

        using var response = await PutChunkedAsync(key, ContentCrc32);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Content, await ReadAsync(key));
    }

    private static string NewKey() => $"checksums/{Guid.NewGuid():N}";

    /// <summary>A PUT framed as the SDKs frame one with a trailing checksum (unsigned, as over HTTPS), split in two chunks.</summary>
    private async Task<HttpResponseMessage> PutChunkedAsync(string key, string trailingCrc32)
    {
        var body = Encoding.ASCII.GetBytes($"4\r\n1234\r\n5\r\n56789\r\n0\r\nx-amz-checksum-crc32:{trailingCrc32}\r\n\r\n");
        using var request = new HttpRequestMessage(HttpMethod.Put, new Uri(standIns.S3Url, $"{Bucket}/{key}"))
        {
            Content = new ByteArrayContent(body),
        };
        request.Content.Headers.ContentEncoding.Add("aws-chunked");
        request.Headers.Add("x-amz-content-sha256", "STREAMING-UNSIGNED-PAYLOAD-TRAILER");
        request.Headers.Add("x-amz-decoded-content-length", Content.Length.ToString());
        request.Headers.Add("x-amz-trailer", "x-amz-checksum-crc32");
        using var http = new HttpClient();
        return await http.SendAsync(request);
    }
}
