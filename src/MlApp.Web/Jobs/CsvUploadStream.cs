using System.Security.Cryptography;
using System.Text;

namespace MlApp.Web.Jobs;

/// <summary>
/// Passes an uploaded CSV through to S3 while it counts bytes and data rows (refusing past the caps), hashes the bytes
/// (the request fingerprint for idempotency) and keeps the header line, which is read before anything is stored.
/// Rows are counted by an RFC 4180 scan, so a line break inside a quoted cell does not count as a row.
/// </summary>
public sealed class CsvUploadStream(Stream source, long maxBytes, long maxRows) : Stream
{
    private const int MaxHeaderBytes = 64 * 1024;

    // Throws on the first byte that isn't UTF-8: a Latin-1 or UTF-16 file would otherwise become U+FFFD characters
    // in the worker, quietly changing the values the model sees.
    private readonly Decoder _utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetDecoder();
    private char[] _decoded = new char[4096];
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private readonly MemoryStream _pending = new();
    private bool _inQuotes;
    private bool _recordHasContent;
    private long _records;

    public long Bytes { get; private set; }

    /// <summary>Data rows so far: records after the header. Complete once the stream has been read to its end.</summary>
    public long DataRows => Math.Max(0, _records + (_recordHasContent ? 1 : 0) - 1);

    public string Fingerprint => "sha256:" + Convert.ToHexStringLower(_hash.GetCurrentHash());

    /// <summary>Reads up to the end of the first record and returns it, decoded; the bytes are still served by <see cref="Read(byte[], int, int)"/>.</summary>
    public async Task<string?> ReadHeaderAsync(CancellationToken cancellationToken)
    {
        var buffer = new byte[4096];
        while (_records == 0)
        {
            if (_pending.Length > MaxHeaderBytes)
            {
                throw new UploadRejectedException(StatusCodes.Status400BadRequest, "The header row is missing or longer than 64 KB.");
            }

            var read = await source.ReadAsync(buffer, cancellationToken);
            if (read == 0)
            {
                break;
            }

            Observe(buffer.AsSpan(0, read));
            _pending.Write(buffer, 0, read);
        }

        var bytes = _pending.ToArray();
        var end = Array.IndexOf(bytes, (byte)'\n');
        // A byte-order mark is allowed (spreadsheets write one) but is not part of the first column's name.
        var header = Encoding.UTF8.GetString(bytes, 0, end < 0 ? bytes.Length : end).TrimStart('\uFEFF').TrimEnd('\r');
        _pending.Position = 0;
        return header.Length == 0 ? null : header;
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (_pending.Position < _pending.Length)
        {
            return _pending.Read(buffer);
        }

        var read = source.Read(buffer);
        Observe(buffer[..read]);
        return read;
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_pending.Position < _pending.Length)
        {
            return _pending.Read(buffer.Span);
        }

        var read = await source.ReadAsync(buffer, cancellationToken);
        Observe(buffer.Span[..read]);
        return read;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    private void Observe(ReadOnlySpan<byte> bytes)
    {
        var offset = Bytes;
        Bytes += bytes.Length;
        if (Bytes > maxBytes)
        {
            throw new UploadRejectedException(StatusCodes.Status413PayloadTooLarge, $"The file is larger than the limit of {maxBytes} bytes.");
        }

        CheckText(bytes, offset);

        _hash.AppendData(bytes);
        foreach (var b in bytes)
        {
            switch (b)
            {
                case (byte)'"':
                    _inQuotes = !_inQuotes;
                    _recordHasContent = true;
                    break;
                case (byte)'\n' when !_inQuotes:
                    if (_recordHasContent)
                    {
                        _records++;
                    }

                    _recordHasContent = false;
                    break;
                case (byte)'\r':
                    break;
                default:
                    _recordHasContent = true;
                    break;
            }
        }

        if (DataRows > maxRows)
        {
            throw new UploadRejectedException(StatusCodes.Status413PayloadTooLarge, $"The file has more than the limit of {maxRows} data rows.");
        }
    }

    /// <summary>Refuses bytes that can't be CSV text; an empty read is the end, where a cut-off character shows.</summary>
    private void CheckText(ReadOnlySpan<byte> bytes, long offset)
    {
        if (bytes.IndexOf((byte)0) is var zero and >= 0)
        {
            throw new UploadRejectedException(StatusCodes.Status400BadRequest, $"The file holds a NUL byte at offset {offset + zero}: it is binary, not CSV text.");
        }

        try
        {
            // GetChars, not GetCharCount: only decoding carries a character split across two reads into the next one.
            if (_decoded.Length < bytes.Length)
            {
                _decoded = new char[bytes.Length];
            }

            _utf8.GetChars(bytes, _decoded, flush: bytes.IsEmpty);
        }
        catch (DecoderFallbackException e)
        {
            var at = offset + Math.Max(0, e.Index);
            throw new UploadRejectedException(StatusCodes.Status400BadRequest, $"The file is not UTF-8 text (an invalid byte near offset {at}). Save it as CSV UTF-8 and upload it again.");
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _hash.Dispose();
            _pending.Dispose();
        }

        base.Dispose(disposing);
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
