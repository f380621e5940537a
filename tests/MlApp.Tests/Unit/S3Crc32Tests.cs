using System.Text;
using MlApp.Jobs;

namespace MlApp.Tests.Unit;

/// <summary>
/// S3 refuses an upload whose <c>x-amz-checksum-crc32</c> is not the CRC-32 of its bytes, written big-endian in base64.
/// The S3 stand-in checks every upload of the Integration tier against it too; these pin the format.
/// </summary>
[Trait("Category", "Unit")]
public sealed class S3Crc32Tests
{
    [Theory]
    // The CRC-32 (ISO-HDLC, as zlib and S3 compute it) check value: 0xCBF43926, in that byte order.
    [InlineData("123456789", "y/Q5Jg==")]
    [InlineData("", "AAAAAA==")]
    // 0x414FA339: a value whose bytes read differently in the other order.
    [InlineData("The quick brown fox jumps over the lazy dog", "QU+jOQ==")]
    public void The_checksum_is_the_big_endian_CRC32_in_base64(string content, string expected) =>
        Assert.Equal(expected, S3Crc32.Of(Encoding.ASCII.GetBytes(content)));
}
