using System.Buffers;

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
/// <param name="subject">How messages name the file: "The file" to the person uploading it, "The input file" in a job's reason.</param>
public sealed class CsvRecordScanner(int maxRecordChars = CsvRecordScanner.DefaultMaxRecordChars, string subject = "The file")
{
    /// <summary>The longest record accepted unless told otherwise: 1 Mi characters.</summary>
    public const int DefaultMaxRecordChars = 1024 * 1024;

    private static readonly SearchValues<byte> Delimiters = SearchValues.Create(",\"\r\n"u8);
    private static readonly SearchValues<byte> QuoteOrLineBreak = SearchValues.Create("\"\r\n"u8);
    private static readonly byte[] ByteOrderMark = [0xEF, 0xBB, 0xBF];

    private readonly CsvTextCheck _text = new(subject);
    private readonly CsvRecordBuffer _record = new(maxRecordChars);
    private long _line = 1;
    private State _state;
    private bool _hasContent;
    private bool _skipLineFeed;

    /// <summary>Bytes of a byte order mark seen at the start so far; -1 once the start is past.</summary>
    private int _byteOrderMarkSeen;

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
    public long RecordLine => _record.Line;

    /// <summary>The current record's cells, unquoted, one after another with a comma between two.</summary>
    public ReadOnlySpan<byte> RecordText => _record.Text;

    /// <summary>Where each cell of the current record ends in <see cref="RecordText"/>; the next one starts one byte later.</summary>
    public ReadOnlySpan<int> CellEnds => _record.CellEnds;

    /// <summary>
    /// The current record holds a quote somewhere (quoted cells or stray ones). Without one its <see cref="RecordText"/>
    /// is exactly its bytes in the file, since an unquoted cell can hold no comma and no line break.
    /// </summary>
    public bool RecordHasQuotes { get; private set; }

    /// <summary>Reads a piece of the text; <paramref name="onRecord"/> sees each record that ends in it.</summary>
    public void Scan(ReadOnlySpan<byte> bytes, Action<CsvRecordScanner>? onRecord)
    {
        _text.Check(bytes);

        // The mark may itself arrive in pieces: its bytes are held until the next one tells whether it is one.
        while (_byteOrderMarkSeen >= 0 && !bytes.IsEmpty)
        {
            if (bytes[0] != ByteOrderMark[_byteOrderMarkSeen])
            {
                Read(ByteOrderMark.AsSpan(0, _byteOrderMarkSeen), onRecord);
                _byteOrderMarkSeen = -1;
                break;
            }

            bytes = bytes[1..];
            _byteOrderMarkSeen = _byteOrderMarkSeen == ByteOrderMark.Length - 1 ? -1 : _byteOrderMarkSeen + 1;
        }

        Read(bytes, onRecord);
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

            if (_state is State.CellStart && _record.Length == 0 && _record.Cells == 0 && TryReadPlainRecord(ref bytes, onRecord))
            {
                continue;
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
                    _record.Append(text);
                    _line += text.Count((byte)'\n');
                    bytes = bytes[(end < 0 ? text.Length : end + 1)..];
                    _state = end < 0 ? State.Quoted : State.QuoteInQuoted;
                    break;
                }

                case State.QuoteInQuoted when bytes[0] == '"':
                    _record.Append("\""u8);
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
    public string[] Cells() => _record.ToStrings();

    /// <summary>
    /// The common case, read in one step: a whole record without quotes, in this piece with its LF or CRLF. Its cells
    /// are what lies between its commas; anything else (quotes, a lone CR, a blank line, a record cut by the piece's
    /// end) is left to the cell-by-cell reading, which gives the same answer.
    /// </summary>
    private bool TryReadPlainRecord(ref ReadOnlySpan<byte> bytes, Action<CsvRecordScanner>? onRecord)
    {
        var end = bytes.IndexOfAny(QuoteOrLineBreak);
        if (end <= 0 || bytes[end] == '"')
        {
            return false;
        }

        var breakLength = bytes[end] == '\n' ? 1 : end + 1 < bytes.Length && bytes[end + 1] == '\n' ? 2 : 0;
        if (breakLength == 0)
        {
            return false;
        }

        var record = bytes[..end];
        _record.Append(record);
        for (var comma = record.IndexOf((byte)','); comma >= 0; comma = record.IndexOf((byte)','))
        {
            _record.EndCell(end - record.Length + comma);
            record = record[(comma + 1)..];
        }

        _line++;
        EndRecord(onRecord);
        StartRecord();
        bytes = bytes[(end + breakLength)..];
        return true;
    }

    private ReadOnlySpan<byte> ReadUnquoted(ReadOnlySpan<byte> bytes, Action<CsvRecordScanner>? onRecord)
    {
        var end = bytes.IndexOfAny(Delimiters);
        var text = end < 0 ? bytes : bytes[..end];
        _record.Append(text);
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
                _record.EndCell();
                _record.Append(","u8);
                _state = State.CellStart;
                break;

            case (byte)'"':
                // A quote inside an unquoted cell is not RFC 4180, but it is plainly meant as text.
                _hasContent = true;
                RecordHasQuotes = true;
                _record.Append("\""u8);
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

    private void EndRecord(Action<CsvRecordScanner>? onRecord)
    {
        _record.EndCell();
        Records++;
        onRecord?.Invoke(this);
    }

    private void StartRecord()
    {
        _record.Start(_line);
        _hasContent = false;
        RecordHasQuotes = false;
        _state = State.CellStart;
    }
}
