using System.Buffers;
using System.Globalization;

namespace MlApp.BatchJob.Csv;

/// <summary>
/// Writes RFC 4180 records: a cell is quoted only when it holds a comma, a quote or a line break (quotes doubled
/// inside), and records end with CRLF. Numbers are written in the invariant culture, shortest round-trip form.
/// </summary>
internal sealed class CsvRecordWriter(TextWriter writer)
{
    private static readonly SearchValues<char> NeedsQuotes = SearchValues.Create(",\"\r\n");

    private bool _firstCell = true;

    public void Write(ReadOnlySpan<char> cell)
    {
        Separate();
        if (!cell.ContainsAny(NeedsQuotes))
        {
            writer.Write(cell);
            return;
        }

        writer.Write('"');
        for (var quote = cell.IndexOf('"'); quote >= 0; quote = cell.IndexOf('"'))
        {
            writer.Write(cell[..(quote + 1)]);
            writer.Write('"');
            cell = cell[(quote + 1)..];
        }

        writer.Write(cell);
        writer.Write('"');
    }

    public void Write(float number)
    {
        Span<char> text = stackalloc char[32];
        Write(number.TryFormat(text, out var length, "R", CultureInfo.InvariantCulture) ? text[..length] : number.ToString("R", CultureInfo.InvariantCulture));
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
        writer.Write("\r\n");
        _firstCell = true;
    }

    private void Separate()
    {
        if (!_firstCell)
        {
            writer.Write(',');
        }

        _firstCell = false;
    }
}
