using System.Buffers;
using MlApp.Jobs.Csv;

namespace MlApp.BatchJob.Csv;

/// <summary>
/// Reads a job's input stream by the shared <see cref="CsvRecordScanner"/> rule into chunks of records: first the header,
/// then <c>chunkRows</c> records at a time. A break of the rule (not UTF-8, a quote never closed, a row too long) is a
/// <see cref="JobInputException"/> that says where.
/// </summary>
internal sealed class CsvChunkReader : IDisposable
{
    private const int BufferBytes = 64 * 1024;

    private readonly Stream _input;
    private readonly int _chunkRows;
    private readonly CsvRecordScanner _scanner;
    private readonly Queue<CsvChunk> _ready = new();
    private readonly Action<CsvRecordScanner> _onRecord;
    private readonly byte[] _buffer = ArrayPool<byte>.Shared.Rent(BufferBytes);
    private CsvChunk? _filling;
    private string[]? _header;
    private bool _ended;

    public CsvChunkReader(Stream input, int maxRecordChars, int chunkRows)
    {
        _input = input;
        _chunkRows = chunkRows;
        _scanner = new CsvRecordScanner(maxRecordChars, "The input file");
        _onRecord = OnRecord;
    }

    /// <summary>The first record's cells, or null when the text has no record at all.</summary>
    public async ValueTask<string[]?> ReadHeaderAsync(CancellationToken cancellationToken)
    {
        while (_header is null && await FillAsync(cancellationToken))
        {
        }

        return _header;
    }

    /// <summary>The next chunk of data records, or null at the end; the caller disposes it.</summary>
    public async ValueTask<CsvChunk?> ReadChunkAsync(CancellationToken cancellationToken)
    {
        while (_ready.Count == 0 && await FillAsync(cancellationToken))
        {
        }

        return _ready.TryDequeue(out var chunk) ? chunk : null;
    }

    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(_buffer);
        _filling?.Dispose();
        while (_ready.TryDequeue(out var chunk))
        {
            chunk.Dispose();
        }
    }

    /// <summary>Scans one more buffer of the input; false once the input has ended and everything in it was handed on.</summary>
    private async ValueTask<bool> FillAsync(CancellationToken cancellationToken)
    {
        if (_ended)
        {
            return false;
        }

        var read = await _input.ReadAsync(_buffer.AsMemory(0, BufferBytes), cancellationToken);
        try
        {
            if (read > 0)
            {
                _scanner.Scan(_buffer.AsSpan(0, read), _onRecord);
                return true;
            }

            _ended = true;
            _scanner.End(_onRecord);
        }
        catch (CsvFormatException e)
        {
            throw new JobInputException(e.Message);
        }

        if (_filling is { Count: > 0 })
        {
            _ready.Enqueue(_filling);
            _filling = null;
        }

        return _ready.Count > 0;
    }

    private void OnRecord(CsvRecordScanner record)
    {
        if (_header is null)
        {
            _header = record.Cells();
            return;
        }

        _filling ??= new CsvChunk(_chunkRows);
        _filling.Add(record);
        if (_filling.IsFull)
        {
            _ready.Enqueue(_filling);
            _filling = null;
        }
    }
}
