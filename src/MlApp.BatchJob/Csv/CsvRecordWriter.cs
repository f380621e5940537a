using System.Buffers;
using System.Text;

namespace MlApp.BatchJob.Csv;

/// <summary>
/// Writes RFC 4180 records as UTF-8 into a pooled buffer: a cell is quoted only when it holds a comma, a quote or a
/// line break (quotes doubled inside), and records end with CRLF. Numbers are written exactly as
/// <c>float.ToString("R", InvariantCulture)</c> writes them (<see cref="ShortestSingle"/>): the shortest form that reads
/// back as the same float.
/// Each predict thread fills its own; the buffer goes back to the pool on <see cref="Dispose"/>.
/// </summary>
internal sealed class CsvRecordWriter(int initialBytes = 4096) : IDisposable
{
    private static readonly SearchValues<byte> NeedsQuotes = SearchValues.Create(",\"\r\n"u8);

    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(initialBytes);
    private int _length;
    private bool _firstCell = true;

    /// <summary>What was written so far.</summary>
    public ReadOnlySpan<byte> Written => _buffer.AsSpan(0, _length);

    public ReadOnlyMemory<byte> WrittenMemory => _buffer.AsMemory(0, _length);

    public void Write(string cell)
    {
        Span<byte> bytes = Encoding.UTF8.GetMaxByteCount(cell.Length) <= 256 ? stackalloc byte[256] : new byte[Encoding.UTF8.GetByteCount(cell)];
        Write(bytes[..Encoding.UTF8.GetBytes(cell, bytes)]);
    }

    public void Write(ReadOnlySpan<byte> cell)
    {
        Separate();
        if (!cell.ContainsAny(NeedsQuotes))
        {
            Append(cell);
            return;
        }

        Append("\""u8);
        for (var quote = cell.IndexOf((byte)'"'); quote >= 0; quote = cell.IndexOf((byte)'"'))
        {
            Append(cell[..(quote + 1)]);
            Append("\""u8);
            cell = cell[(quote + 1)..];
        }

        Append(cell);
        Append("\""u8);
    }

    /// <summary>Cells that are already CSV, e.g. an input record without quotes: copied as they are.</summary>
    public void WriteRaw(ReadOnlySpan<byte> cells)
    {
        Separate();
        Append(cells);
    }

    public void Write(float number)
    {
        Separate();
        Ensure(ShortestSingle.MaxBytes);
        _length += ShortestSingle.Format(number, _buffer.AsSpan(_length));
    }

    public void WriteEmpty(int cells)
    {
        for (var i = 0; i < cells; i++)
        {
            Separate();
        }
    }

    public void EndRecord()
    {
        Append("\r\n"u8);
        _firstCell = true;
    }

    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
        _length = 0;
    }

    private void Separate()
    {
        if (!_firstCell)
        {
            Append(","u8);
        }

        _firstCell = false;
    }

    private void Append(ReadOnlySpan<byte> bytes)
    {
        Ensure(bytes.Length);
        bytes.CopyTo(_buffer.AsSpan(_length));
        _length += bytes.Length;
    }

    private void Ensure(int more)
    {
        if (_length + more <= _buffer.Length)
        {
            return;
        }

        var larger = ArrayPool<byte>.Shared.Rent(Math.Max(_buffer.Length * 2, _length + more));
        Written.CopyTo(larger);
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = larger;
    }
}
