using System.Buffers;
using System.Text;
using MlApp.Jobs.Csv;

namespace MlApp.BatchJob.Csv;

/// <summary>
/// Up to a chunk's worth of records copied out of the <see cref="CsvRecordScanner"/> as UTF-8: each record's cells
/// back to back in one pooled buffer, with where each cell ends. Records stay bytes until a predict thread asks for
/// their cells as strings, so the one thread that reads the file only splits it. Give it back with <see cref="Dispose"/>.
/// </summary>
internal sealed class CsvChunk : IDisposable
{
    private byte[] _text = ArrayPool<byte>.Shared.Rent(64 * 1024);
    private int[] _cellEnds = ArrayPool<int>.Shared.Rent(8 * 1024);
    private readonly int[] _firstCell;
    private readonly bool[] _hasQuotes;
    private int _textLength;
    private int _cells;

    public CsvChunk(int capacity)
    {
        _firstCell = new int[capacity + 1];
        _hasQuotes = new bool[capacity];
        Capacity = capacity;
    }

    public int Capacity { get; }

    public int Count { get; private set; }

    public bool IsFull => Count == Capacity;

    public void Add(CsvRecordScanner record)
    {
        var text = record.RecordText;
        var ends = record.CellEnds;
        Ensure(ref _text, _textLength + text.Length + 1);
        Ensure(ref _cellEnds, _cells + ends.Length);
        text.CopyTo(_text.AsSpan(_textLength));
        foreach (var end in ends)
        {
            _cellEnds[_cells++] = _textLength + end;
        }

        // Cells are one byte apart (the comma); a gap after the record keeps the next one's first cell in step.
        _textLength += text.Length + 1;
        _hasQuotes[Count] = record.RecordHasQuotes;
        _firstCell[++Count] = _cells;
    }

    public int CellCount(int record) => _firstCell[record + 1] - _firstCell[record];

    /// <summary>The record's cells with a comma between two; its bytes in the file when it has no quotes.</summary>
    public ReadOnlySpan<byte> Text(int record)
    {
        var start = CellStart(_firstCell[record]);
        return _text.AsSpan(start, _cellEnds[_firstCell[record + 1] - 1] - start);
    }

    public bool HasQuotes(int record) => _hasQuotes[record];

    /// <summary>
    /// The record's cells as stored (one byte between two), with where each ends in them written to
    /// <paramref name="cellEnds"/>, which must hold <see cref="CellCount"/> entries: the shape CsvFeatureReader.TryAdd reads.
    /// </summary>
    public ReadOnlySpan<byte> Cells(int record, Span<int> cellEnds)
    {
        var first = _firstCell[record];
        var count = CellCount(record);
        var start = CellStart(first);
        for (var cell = 0; cell < count; cell++)
        {
            cellEnds[cell] = _cellEnds[first + cell] - start;
        }

        return _text.AsSpan(start, count == 0 ? 0 : cellEnds[count - 1]);
    }

    public ReadOnlySpan<byte> Cell(int record, int cell)
    {
        var index = _firstCell[record] + cell;
        var start = CellStart(index);
        return _text.AsSpan(start, _cellEnds[index] - start);
    }

    public string[] Cells(int record)
    {
        var cells = new string[CellCount(record)];
        for (var i = 0; i < cells.Length; i++)
        {
            cells[i] = Encoding.UTF8.GetString(Cell(record, i));
        }

        return cells;
    }

    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(_text);
        ArrayPool<int>.Shared.Return(_cellEnds);
        _text = [];
        _cellEnds = [];
    }

    /// <summary>A cell starts one byte after the one before it ends: after its comma, or after the gap between records.</summary>
    private int CellStart(int index) => index == 0 ? 0 : _cellEnds[index - 1] + 1;

    private static void Ensure<T>(ref T[] buffer, int length)
    {
        if (length <= buffer.Length)
        {
            return;
        }

        var larger = ArrayPool<T>.Shared.Rent(Math.Max(length, buffer.Length * 2));
        buffer.AsSpan().CopyTo(larger);
        ArrayPool<T>.Shared.Return(buffer);
        buffer = larger;
    }
}
