using System.Security.Cryptography;
using MlApp.Jobs.Csv;
using MlApp.ServiceDefaults.IO;

namespace MlApp.Web.Jobs;

/// <summary>
/// Passes an uploaded CSV through to S3 while it counts bytes and data rows (refusing past the caps), hashes the bytes
/// (the request fingerprint for idempotency) and keeps the header, which is read before anything is stored. Rows and
/// the header are read by the worker's own rule (<see cref="CsvRecordScanner"/>), so a file refused here would fail
/// there, and the row count is the worker's.
/// </summary>
public sealed class CsvUploadStream(Stream source, long maxBytes, long maxRows) : ReadOnlyStream
{
    private const int MaxHeaderBytes = 64 * 1024;

    private readonly CsvRecordScanner _records = new();
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private readonly MemoryStream _pending = new();
    private IReadOnlyList<string>? _header;
    private bool _ended;

    public long Bytes { get; private set; }

    /// <summary>Data rows so far: records after the header. Complete once the stream has been read to its end.</summary>
    public long DataRows => Math.Max(0, _records.Records - 1);

    public string Fingerprint => "sha256:" + Convert.ToHexStringLower(_hash.GetCurrentHash());

    /// <summary>Reads up to the end of the first record and returns its names; the bytes are still served by <see cref="Read(byte[], int, int)"/>.</summary>
    public async Task<IReadOnlyList<string>?> ReadHeaderAsync(CancellationToken cancellationToken)
    {
        var buffer = new byte[4096];
        while (_header is null && !_ended)
        {
            if (_pending.Length > MaxHeaderBytes)
            {
                throw new UploadRejectedException(StatusCodes.Status400BadRequest, "The header row is missing or longer than 64 KB.");
            }

            var read = await source.ReadAsync(buffer, cancellationToken);
            Observe(buffer.AsSpan(0, read));
            _pending.Write(buffer, 0, read);
        }

        _pending.Position = 0;
        return _header;
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        // An empty buffer reads nothing; only an empty read into a real one is the end of the file.
        if (buffer.IsEmpty)
        {
            return 0;
        }

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
        if (buffer.IsEmpty)
        {
            return 0;
        }

        if (_pending.Position < _pending.Length)
        {
            return _pending.Read(buffer.Span);
        }

        var read = await source.ReadAsync(buffer, cancellationToken);
        Observe(buffer.Span[..read]);
        return read;
    }

    /// <summary>Counts, hashes and reads the bytes as they pass; an empty read is the end, where the last record ends.</summary>
    private void Observe(ReadOnlySpan<byte> bytes)
    {
        Bytes += bytes.Length;
        if (Bytes > maxBytes)
        {
            throw new UploadRejectedException(StatusCodes.Status413PayloadTooLarge, $"The file is larger than the limit of {maxBytes} bytes.");
        }

        _hash.AppendData(bytes);
        try
        {
            if (!bytes.IsEmpty)
            {
                _records.Scan(bytes, OnRecord);
            }
            else if (!_ended)
            {
                _ended = true;
                _records.End(OnRecord);
            }
        }
        catch (CsvFormatException e)
        {
            throw new UploadRejectedException(StatusCodes.Status400BadRequest, e.Message);
        }

        if (DataRows > maxRows)
        {
            throw new UploadRejectedException(StatusCodes.Status413PayloadTooLarge, $"The file has more than the limit of {maxRows} data rows.");
        }
    }

    private void OnRecord(CsvRecordScanner record) => _header ??= record.Cells();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _hash.Dispose();
            _pending.Dispose();
        }

        base.Dispose(disposing);
    }
}
