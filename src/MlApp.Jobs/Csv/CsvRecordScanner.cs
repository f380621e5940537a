using System.Buffers;
using System.Text;

namespace MlApp.Jobs.Csv;

/// <summary>
/// The one rule by which a job's CSV is read, by the web when it takes the upload (to count rows and read the header)
/// and by the worker when it predicts it, so both see the same records. The bytes are UTF-8 text (<see
/// cref="CsvTextCheck"/>); a byte order mark at the start is skipped. Records follow RFC 4180: quoted cells may hold
/// commas, quotes ("") and line breaks; CRLF, LF and a lone CR end a record; blank lines are no records. A stray quote
/// inside an unquoted cell is kept as text, and so is what follows a closing quote (the x of "a"x). A quoted cell still
/// open at the end of the text, and a record longer than <c>maxRecordChars</c> (so a file that is not CSV can't make a
/// reader hold all of it), break the rule. Bytes are pushed in pieces of any size; each record is handed to a callback
/// as its cells, unquoted, while the scanner holds only that record.
/// </summary>
public sealed class CsvRecordScanner(int maxRecordChars = CsvRecordScanner.DefaultMaxRecordChars)
{
    /// <summary>The longest record accepted unless told otherwise: 1 Mi characters.</summary>
    public const int DefaultMaxRecordChars = 1024 * 1024;

    private static readonly SearchValues<byte> Delimiters = SearchValues.Create(",\"\r\n"u8);
    private static readonly byte[] ByteOrderMark = [0xEF, 0xBB, 0xBF];

    private readonly CsvTextCheck _text = new();
    private byte[] _record = new byte[256];
    private int[] _cellEnds = new int[16];
    private int _length;

    /// <summary>The current record's characters, counted only once its bytes pass the limit; -1 until then.</summary>
    private int _chars = -1;
    private int _cells;
    private long _line = 1;
    private State _state;
    private bool _hasContent;
    private bool _skipLineFeed;
    private bool _atStart = true;

    private enum State
    {
        CellStart,
        Unquoted,
        Quoted,
        QuoteInQuoted,
    }

    /// <summary>Records read so far (blank lines are none).</summary>
    public long Records { get; private set; }

    /// <summary>The line (1-based) where the current record starts, for messages.</summary>
    public long RecordLine { get; private set; } = 1;

    /// <summary>The current record's cells, unquoted, one after another with a comma between two.</summary>
    public ReadOnlySpan<byte> RecordText => _record.AsSpan(0, _length);

    /// <summary>Where each cell of the current record ends in <see cref="RecordText"/>; the next one starts one byte later.</summary>
    public ReadOnlySpan<int> CellEnds => _cellEnds.AsSpan(0, _cells);

    /// <summary>
    /// The current record holds a quote somewhere (quoted cells or stray ones). Without one its <see cref="RecordText"/>
    /// is exactly its bytes in the file, since an unquoted cell can hold no comma and no line break.
    /// </summary>
    public bool RecordHasQuotes { get; private set; }

    /// <summary>Reads a piece of the text; <paramref name="onRecord"/> sees each record that ends in it.</summary>
    public void Scan(ReadOnlySpan<byte> bytes, Action<CsvRecordScanner>? onRecord)
    {
        _text.Check(bytes);
        if (!_atStart || SkipByteOrderMark(ref bytes, onRecord))
        {
            Read(bytes, onRecord);
        }
    }

    private void Read(ReadOnlySpan<byte> bytes, Action<CsvRecordScanner>? onRecord)
    {
        while (!bytes.IsEmpty)
        {
            if (_skipLineFeed)
            {
                _skipLineFeed = false;
                if (bytes[0] == '\n')
                {
                    bytes = bytes[1..];
                    continue;
                }
            }

            switch (_state)
            {
                case State.CellStart when bytes[0] == '"':
                    bytes = bytes[1..];
                    _hasContent = true;
                    RecordHasQuotes = true;
                    _state = State.Quoted;
                    break;

                case State.CellStart or State.Unquoted:
                    bytes = ReadUnquoted(bytes, onRecord);
                    break;

                case State.Quoted:
                {
                    var end = bytes.IndexOf((byte)'"');
                    var text = end < 0 ? bytes : bytes[..end];
                    Append(text);
                    _line += text.Count((byte)'\n');
                    bytes = bytes[(end < 0 ? text.Length : end + 1)..];
                    _state = end < 0 ? State.Quoted : State.QuoteInQuoted;
                    break;
                }

                case State.QuoteInQuoted when bytes[0] == '"':
                    Append("\""u8);
                    bytes = bytes[1..];
                    _state = State.Quoted;
                    break;

                case State.QuoteInQuoted:
                    // The cell's closing quote: what follows is read as in an unquoted cell.
                    _state = State.Unquoted;
                    break;
            }
        }
    }

    /// <summary>The end of the text: the last record needs no line break, but a quoted cell must be closed.</summary>
    public void End(Action<CsvRecordScanner>? onRecord)
    {
        _text.End();
        if (_state is State.Quoted)
        {
            throw new CsvFormatException($"The quoted cell that starts on line {RecordLine} is never closed: the file ends inside it.");
        }

        if (_hasContent)
        {
            EndRecord(onRecord);
        }
    }

    /// <summary>The current record's cells as strings.</summary>
    public string[] Cells()
    {
        var cells = new string[_cells];
        var start = 0;
        for (var i = 0; i < _cells; i++)
        {
            cells[i] = Encoding.UTF8.GetString(_record, start, _cellEnds[i] - start);
            start = _cellEnds[i] + 1;
        }

        return cells;
    }

    private ReadOnlySpan<byte> ReadUnquoted(ReadOnlySpan<byte> bytes, Action<CsvRecordScanner>? onRecord)
    {
        var end = bytes.IndexOfAny(Delimiters);
        var text = end < 0 ? bytes : bytes[..end];
        Append(text);
        _hasContent |= text.Length > 0;
        _state = State.Unquoted;
        if (end < 0)
        {
            return default;
        }

        var delimiter = bytes[end];
        switch (delimiter)
        {
            case (byte)',':
                _hasContent = true;
                EndCell();
                Append(","u8);
                _state = State.CellStart;
                break;

            case (byte)'"':
                // A quote inside an unquoted cell is not RFC 4180, but it is plainly meant as text.
                _hasContent = true;
                RecordHasQuotes = true;
                Append("\""u8);
                break;

            default:
                _skipLineFeed = delimiter == '\r';
                _line++;
                if (_hasContent)
                {
                    EndRecord(onRecord);
                }

                StartRecord();
                break;
        }

        return bytes[(end + 1)..];
    }

    private bool SkipByteOrderMark(ref ReadOnlySpan<byte> bytes, Action<CsvRecordScanner>? onRecord)
    {
        // The mark may itself arrive in pieces; hold the first bytes until they can tell.
        var seen = (int)(_text.Offset - bytes.Length);
        var compare = Math.Min(bytes.Length, ByteOrderMark.Length - seen);
        if (!bytes[..compare].SequenceEqual(ByteOrderMark.AsSpan(seen, compare)))
        {
            _atStart = false;
            if (seen > 0)
            {
                Read(ByteOrderMark.AsSpan(0, seen), onRecord);
            }

            return true;
        }

        bytes = bytes[compare..];
        _atStart = seen + compare < ByteOrderMark.Length;
        return !_atStart;
    }

    private void Append(ReadOnlySpan<byte> text)
    {
        if (_length + text.Length > maxRecordChars)
        {
            CheckLength(text);
        }

        if (_length + text.Length > _record.Length)
        {
            Array.Resize(ref _record, Math.Max(_record.Length * 2, _length + text.Length));
        }

        text.CopyTo(_record.AsSpan(_length));
        _length += text.Length;
    }

    /// <summary>Bytes bound characters from above, so only a record past the limit in bytes needs its characters counted.</summary>
    private void CheckLength(ReadOnlySpan<byte> more)
    {
        _chars = (_chars < 0 ? Encoding.UTF8.GetCharCount(_record, 0, _length) : _chars) + Encoding.UTF8.GetCharCount(more);
        if (_chars > maxRecordChars)
        {
            throw new CsvFormatException(
                $"The row that starts on line {RecordLine} is longer than {maxRecordChars} characters: the file is not a CSV file, " +
                "or a quote in it is never closed.");
        }
    }

    private void EndCell()
    {
        if (_cells == _cellEnds.Length)
        {
            Array.Resize(ref _cellEnds, _cells * 2);
        }

        _cellEnds[_cells++] = _length;
    }

    private void EndRecord(Action<CsvRecordScanner>? onRecord)
    {
        EndCell();
        Records++;
        onRecord?.Invoke(this);
    }

    private void StartRecord()
    {
        _length = 0;
        _chars = -1;
        _cells = 0;
        _hasContent = false;
        RecordHasQuotes = false;
        _state = State.CellStart;
        RecordLine = _line;
    }
}
