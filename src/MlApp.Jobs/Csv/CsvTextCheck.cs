using System.Buffers;
using System.Text.Unicode;

namespace MlApp.Jobs.Csv;

/// <summary>
/// The text half of the reading rule: a job's CSV is UTF-8 without NUL bytes. A Latin-1 or UTF-16 file would otherwise
/// reach the model as U+FFFD characters, quietly changing its values, so it is refused instead, by the web at upload
/// and by the worker alike. Checks bytes as they stream by; a character split between two pieces is carried over.
/// </summary>
/// <param name="subject">How messages name the file, e.g. "The file" to the person uploading it.</param>
internal sealed class CsvTextCheck(string subject)
{
    private readonly byte[] _carry = new byte[4];
    private int _carried;

    /// <summary>Bytes checked so far, for messages.</summary>
    public long Offset { get; private set; }

    public void Check(ReadOnlySpan<byte> bytes)
    {
        if (_carried > 0)
        {
            // Complete the character cut off at the end of the last piece with the first bytes of this one.
            var need = Length(_carry[0]) - _carried;
            var take = Math.Min(need, bytes.Length);
            bytes[..take].CopyTo(_carry.AsSpan(_carried));
            _carried += take;
            Offset += take;
            bytes = bytes[take..];
            if (take < need)
            {
                return;
            }

            CheckWhole(_carry.AsSpan(0, _carried), Offset - _carried);
            _carried = 0;
        }

        var whole = bytes.Length - Incomplete(bytes);
        CheckWhole(bytes[..whole], Offset);
        bytes[whole..].CopyTo(_carry);
        _carried = bytes.Length - whole;
        Offset += bytes.Length;
    }

    /// <summary>The end of the text: a character still cut off there is not UTF-8.</summary>
    public void End()
    {
        if (_carried > 0)
        {
            throw NotUtf8(Offset - _carried);
        }
    }

    private void CheckWhole(ReadOnlySpan<byte> bytes, long offset)
    {
        var valid = Utf8.IsValid(bytes);
        var zero = bytes.IndexOf((byte)0);
        if (valid && zero < 0)
        {
            return;
        }

        // A NUL byte says "binary" best, wherever it is in the piece.
        throw zero >= 0
            ? new CsvFormatException($"{subject} is not UTF-8 text: it holds a NUL byte at offset {offset + zero}, so it is binary, not CSV text.")
            : NotUtf8(offset + FirstInvalid(bytes));
    }

    private CsvFormatException NotUtf8(long offset) =>
        new($"{subject} is not UTF-8 text (an invalid byte at offset {offset}): save it as CSV UTF-8 and upload it again.");

    private static int FirstInvalid(ReadOnlySpan<byte> bytes)
    {
        Span<char> scratch = stackalloc char[256];
        var at = 0;
        while (Utf8.ToUtf16(bytes[at..], scratch, out var read, out _, replaceInvalidSequences: false) == OperationStatus.DestinationTooSmall)
        {
            at += read;
        }

        Utf8.ToUtf16(bytes[at..], scratch, out var last, out _, replaceInvalidSequences: false);
        return at + last;
    }

    /// <summary>How many bytes at the end start a character that the next piece completes (0 to 3).</summary>
    private static int Incomplete(ReadOnlySpan<byte> bytes)
    {
        for (var back = 1; back <= Math.Min(3, bytes.Length); back++)
        {
            var b = bytes[^back];
            if ((b & 0xC0) == 0x80)
            {
                continue;
            }

            return Length(b) > back ? back : 0;
        }

        return 0;
    }

    private static int Length(byte lead) => lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
}
