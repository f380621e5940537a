using System.Buffers;
using System.Text;

namespace MlApp.BatchJob.Csv;

/// <summary>
/// Reads RFC 4180 records one at a time from text of any length, holding only the current record: quoted cells may
/// hold commas, quotes ("") and line breaks; CRLF, LF and a lone CR end a record; blank lines are skipped (as the web
/// skips them when it counts rows). A stray quote inside an unquoted cell is kept as text. A record longer than
/// <paramref name="maxRecordChars"/> is refused, so a file that is not CSV can't make the worker hold all of it.
/// </summary>
internal sealed class CsvRecordReader(TextReader reader, int maxRecordChars)
{
    private const int BufferChars = 64 * 1024;

    private static readonly SearchValues<char> Delimiters = SearchValues.Create(",\"\r\n");

    private readonly char[] _buffer = new char[BufferChars];
    private readonly StringBuilder _cell = new();
    private readonly List<string> _cells = [];
    private int _position;
    private int _length;
    private long _line = 1;

    /// <summary>A CR ended the last record; an LF right after it belongs to the same line break.</summary>
    private bool _skipLineFeed;

    private enum State
    {
        CellStart,
        Unquoted,
        Quoted,
        QuoteInQuoted,
    }

    /// <summary>The line (1-based) where the record last returned starts, for messages.</summary>
    public long RecordLine { get; private set; }

    /// <summary>The next record's cells, or null at the end of the text.</summary>
    public async ValueTask<string[]?> ReadAsync(CancellationToken cancellationToken)
    {
        StartRecord();
        var state = State.CellStart;
        var hasContent = false;
        var chars = 0;
        while (true)
        {
            if (_position == _length && !await FillAsync(cancellationToken))
            {
                if (state is State.Quoted)
                {
                    throw new JobInputException($"The quoted cell that starts on line {RecordLine} is never closed: the file ends inside it.");
                }

                return hasContent ? EndRecord() : null;
            }

            if (_skipLineFeed)
            {
                _skipLineFeed = false;
                if (_buffer[_position] == '\n')
                {
                    _position++;
                    continue;
                }
            }

            switch (state)
            {
                case State.CellStart when _buffer[_position] == '"':
                    _position++;
                    chars++;
                    hasContent = true;
                    state = State.Quoted;
                    break;

                case State.CellStart or State.Unquoted:
                {
                    var rest = _buffer.AsSpan(_position, _length - _position);
                    var end = rest.IndexOfAny(Delimiters);
                    var text = end < 0 ? rest : rest[..end];
                    Append(text, ref chars);
                    hasContent |= text.Length > 0;
                    state = State.Unquoted;
                    if (end < 0)
                    {
                        break;
                    }

                    var delimiter = _buffer[_position++];
                    if (delimiter is ',' or '"')
                    {
                        // A quote inside an unquoted cell is not RFC 4180, but it is plainly meant as text.
                        hasContent = true;
                        chars++;
                        if (delimiter == ',')
                        {
                            EndCell();
                            state = State.CellStart;
                        }
                        else
                        {
                            _cell.Append('"');
                        }

                        break;
                    }

                    _skipLineFeed = delimiter == '\r';
                    _line++;
                    if (hasContent)
                    {
                        return EndRecord();
                    }

                    // A blank line: not a record.
                    StartRecord();
                    state = State.CellStart;
                    chars = 0;
                    break;
                }

                case State.Quoted:
                {
                    var rest = _buffer.AsSpan(_position, _length - _position);
                    var end = rest.IndexOf('"');
                    var text = end < 0 ? rest : rest[..end];
                    Append(text, ref chars);
                    _line += text.Count('\n');
                    if (end >= 0)
                    {
                        _position++;
                        state = State.QuoteInQuoted;
                    }

                    break;
                }

                case State.QuoteInQuoted:
                    if (_buffer[_position] == '"')
                    {
                        _cell.Append('"');
                        _position++;
                        chars++;
                        state = State.Quoted;
                    }
                    else
                    {
                        // The cell's closing quote: what follows is read as in an unquoted cell (a delimiter, or
                        // lenient text such as the x of "a"x).
                        state = State.Unquoted;
                    }

                    break;
            }
        }
    }

    private async ValueTask<bool> FillAsync(CancellationToken cancellationToken)
    {
        _length = await reader.ReadAsync(_buffer.AsMemory(), cancellationToken);
        _position = 0;
        return _length > 0;
    }

    private void Append(ReadOnlySpan<char> text, ref int chars)
    {
        chars += text.Length;
        if (chars > maxRecordChars)
        {
            throw new JobInputException(
                $"The row that starts on line {RecordLine} is longer than {maxRecordChars} characters: the file is not a CSV file, " +
                "or a quote in it is never closed.");
        }

        _cell.Append(text);
        _position += text.Length;
    }

    private void StartRecord()
    {
        _cells.Clear();
        _cell.Clear();
        RecordLine = _line;
    }

    private void EndCell()
    {
        _cells.Add(_cell.ToString());
        _cell.Clear();
    }

    private string[] EndRecord()
    {
        EndCell();
        return [.. _cells];
    }
}
