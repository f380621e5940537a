using System.Buffers.Binary;
using System.IO.Hashing;

namespace MlApp.Jobs;

/// <summary>
/// The CRC-32 that S3 checks an upload against (<c>x-amz-checksum-crc32</c>: the big-endian value in base64), in one
/// vectorised pass over a buffer that is already in memory.
/// </summary>
/// <remarks>
/// Left to itself the SDK computes the same checksum while it streams the body and sends it as a trailer. For the
/// worker's result file that cost more CPU than the rest of the upload: in a scratch test of twenty 8 MiB parts, about
/// 590 ms against 380 ms with the value given up front, on a machine whose cores also predict. Given the value, the SDK
/// sends it as a header, and S3 checks the same bytes against the same checksum.
/// </remarks>
internal static class S3Crc32
{
    public static string Of(ReadOnlySpan<byte> content)
    {
        Span<byte> value = stackalloc byte[sizeof(uint)];
        BinaryPrimitives.WriteUInt32BigEndian(value, Crc32.HashToUInt32(content));
        return Convert.ToBase64String(value);
    }
}
