using MlApp.BatchJob;
using MlApp.BatchJob.Csv;

namespace MlApp.Tests.Unit.Batch;

[Trait("Category", "Unit")]
public sealed class CsvRecordReaderTests
{
    public static TheoryData<string> LineBreaks => new() { "\n", "\r\n", "\r" };

    [Theory]
    [MemberData(nameof(LineBreaks))]
    public async Task Records_end_at_any_line_break(string newLine)
    {
        var records = await ReadAllAsync($"a,b{newLine}c,d{newLine}");

        Assert.Equal([["a", "b"], ["c", "d"]], records);
    }

    [Fact]
    public async Task The_last_record_needs_no_line_break()
    {
        Assert.Equal([["a", "b"], ["c", "d"]], await ReadAllAsync("a,b\nc,d"));
    }

    [Fact]
    public async Task Quoted_cells_hold_commas_doubled_quotes_and_line_breaks()
    {
        var records = await ReadAllAsync("\"a,1\",\"say \"\"hi\"\"\",\"two\r\nlines\"\nnext,row\n");

        Assert.Equal([["a,1", "say \"hi\"", "two\r\nlines"], ["next", "row"]], records);
    }

    [Fact]
    public async Task Empty_cells_are_kept_and_blank_lines_are_skipped()
    {
        var records = await ReadAllAsync("\n\r\na,,\r\n\r\n,b\n\n");

        Assert.Equal([["a", "", ""], ["", "b"]], records);
    }

    [Fact]
    public async Task A_quoted_empty_cell_is_a_record_not_a_blank_line()
    {
        Assert.Equal([[""]], await ReadAllAsync("\"\"\n"));
    }

    [Fact]
    public async Task Stray_quotes_are_read_as_text()
    {
        var records = await ReadAllAsync("ab\"c,\"d\"e\n");

        Assert.Equal([["ab\"c", "de"]], records);
    }

    [Fact]
    public async Task Records_split_across_every_read_boundary_read_the_same()
    {
        const string Text = "\"a,1\",\"say \"\"hi\"\"\",\"two\r\nlines\"\r\nnext,row\r\n\r\nlast,\"\"";

        var whole = await ReadAllAsync(Text);
        var trickled = await ReadAllAsync(new TrickleReader(Text));

        Assert.Equal(whole, trickled);
        Assert.Equal(3, whole.Count);
    }

    [Fact]
    public async Task A_long_quoted_cell_spans_the_internal_buffer()
    {
        var cell = new string('x', 100_000) + "\"," + new string('y', 70_000);
        var text = $"a,\"{cell.Replace("\"", "\"\"")}\",b\nc\n";

        var records = await ReadAllAsync(text, maxRecordChars: 1_000_000);

        Assert.Equal(cell, records[0][1]);
        Assert.Equal(["c"], records[1]);
    }

    [Fact]
    public async Task Each_record_knows_the_line_it_starts_on()
    {
        var reader = new CsvRecordReader(new StringReader("h\n\"a\nb\"\n\nc\n"), 1000);

        await reader.ReadAsync(default);
        Assert.Equal(1, reader.RecordLine);
        await reader.ReadAsync(default);
        Assert.Equal(2, reader.RecordLine);
        await reader.ReadAsync(default);
        Assert.Equal(5, reader.RecordLine);
    }

    [Fact]
    public async Task A_quote_that_is_never_closed_is_a_readable_input_error()
    {
        var error = await Assert.ThrowsAsync<JobInputException>(() => ReadAllAsync("a,b\n1,\"open\n2,3\n"));

        Assert.Contains("line 2 is never closed", error.Message);
    }

    [Fact]
    public async Task A_row_longer_than_the_limit_is_refused_before_it_is_held_whole()
    {
        var error = await Assert.ThrowsAsync<JobInputException>(() => ReadAllAsync("a,b\n" + new string('z', 5000) + "\n", maxRecordChars: 1024));

        Assert.Contains("line 2 is longer than 1024 characters", error.Message);
    }

    private static Task<List<string[]>> ReadAllAsync(string text, int maxRecordChars = 10_000) =>
        ReadAllAsync(new StringReader(text), maxRecordChars);

    private static async Task<List<string[]>> ReadAllAsync(TextReader source, int maxRecordChars = 10_000)
    {
        var reader = new CsvRecordReader(source, maxRecordChars);
        var records = new List<string[]>();
        while (await reader.ReadAsync(default) is { } record)
        {
            records.Add(record);
        }

        return records;
    }

    /// <summary>Hands out one character per read, so every state of the reader meets the end of its buffer.</summary>
    private sealed class TrickleReader(string text) : TextReader
    {
        private int _position;

        public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

        public override int Read(Span<char> buffer)
        {
            if (_position >= text.Length || buffer.IsEmpty)
            {
                return 0;
            }

            buffer[0] = text[_position++];
            return 1;
        }

        public override ValueTask<int> ReadAsync(Memory<char> buffer, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(Read(buffer.Span));
    }
}
