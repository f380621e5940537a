using System.Text;

namespace MlApp.Jobs.Csv;

/// <summary>
/// The record that <see cref="CsvRecordScanner"/> is reading: its cells' bytes, unquoted, with a comma between two, and
/// where each cell ends. Refuses to grow past <c>maxRecordChars</c>, so a file that is not CSV can't make it hold all of it.
/// </summary>
internal sealed class CsvRecordBuffer(int maxRecordChars)
{
    private byte[] _bytes = new byte[256];
    private int[] _cellEnds = new int[16];

    /// <summary>The record's characters, counted only once its bytes pass the limit (bytes bound characters from above); -1 until then.</summary>
    private int _chars = -1;

    public int Length { get; private set; }

    public int Cells { get; private set; }

    /// <summary>The line the record starts on, for messages.</summary>
    public long Line { get; private set; } = 1;

    public ReadOnlySpan<byte> Text => _bytes.AsSpan(0, Length);

    public ReadOnlySpan<int> CellEnds => _cellEnds.AsSpan(0, Cells);

    public void Start(long line)
    {
        Length = 0;
        Cells = 0;
        _chars = -1;
        Line = line;
    }

    public void Append(ReadOnlySpan<byte> text)
    {
        if (Length + text.Length > maxRecordChars)
        {
            CheckLength(text);
        }

        if (Length + text.Length > _bytes.Length)
        {
            Array.Resize(ref _bytes, Math.Max(_bytes.Length * 2, Length + text.Length));
        }

        text.CopyTo(_bytes.AsSpan(Length));
        Length += text.Length;
    }

    /// <summary>Ends a cell where the text ends now, or at <paramref name="end"/> within it.</summary>
    public void EndCell(int? end = null)
    {
        if (Cells == _cellEnds.Length)
        {
            Array.Resize(ref _cellEnds, Cells * 2);
        }

        _cellEnds[Cells++] = end ?? Length;
    }

    public string[] ToStrings()
    {
        var cells = new string[Cells];
        var start = 0;
        for (var i = 0; i < Cells; i++)
        {
            cells[i] = Encoding.UTF8.GetString(_bytes, start, _cellEnds[i] - start);
            start = _cellEnds[i] + 1;
        }

        return cells;
    }

    private void CheckLength(ReadOnlySpan<byte> more)
    {
        _chars = (_chars < 0 ? Encoding.UTF8.GetCharCount(_bytes, 0, Length) : _chars) + Encoding.UTF8.GetCharCount(more);
        if (_chars > maxRecordChars)
        {
            throw new CsvFormatException(
                $"The row that starts on line {Line} is longer than {maxRecordChars} characters: the file is not a CSV file, " +
                "or a quote in it is never closed.");
        }
    }
}
