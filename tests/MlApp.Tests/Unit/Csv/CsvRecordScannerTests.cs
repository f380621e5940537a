using System.Text;
using MlApp.Jobs.Csv;

namespace MlApp.Tests.Unit.Csv;

/// <summary>The reading rule that the web (at upload) and the worker share; moved here from the worker's old CsvRecordReader tests.</summary>
[Trait("Category", "Unit")]
public sealed class CsvRecordScannerTests
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
        var trickled = ReadAll(Encoding.UTF8.GetBytes(Text), pieceBytes: 1);

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
    public void Each_record_knows_the_line_it_starts_on()
    {
        var lines = new List<long>();
        var scanner = new CsvRecordScanner(1000);

        scanner.Scan("h\n\"a\nb\"\n\nc\n"u8, record => lines.Add(record.RecordLine));

        Assert.Equal(1, lines[0]);
        Assert.Equal(2, lines[1]);
        Assert.Equal(5, lines[2]);
    }

    [Fact]
    public async Task A_quote_that_is_never_closed_is_a_readable_input_error()
    {
        var error = await Assert.ThrowsAsync<CsvFormatException>(() => ReadAllAsync("a,b\n1,\"open\n2,3\n"));

        Assert.Contains("line 2 is never closed", error.Message);
    }

    [Fact]
    public async Task A_row_longer_than_the_limit_is_refused_before_it_is_held_whole()
    {
        var error = await Assert.ThrowsAsync<CsvFormatException>(() => ReadAllAsync("a,b\n" + new string('z', 5000) + "\n", maxRecordChars: 1024));

        Assert.Contains("line 2 is longer than 1024 characters", error.Message);
    }

    [Fact]
    public async Task A_byte_order_mark_is_not_part_of_the_first_cell_even_when_it_arrives_in_pieces()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("a,b\n")).ToArray();

        Assert.Equal([["a", "b"]], ReadAll(bytes, pieceBytes: 1));
        Assert.Equal([["a", "b"]], await ReadAllAsync("\uFEFFa,b\n"));
    }

    [Fact]
    public void Only_a_byte_order_mark_at_the_start_is_skipped()
    {
        Assert.Equal([["a", "\uFEFFb"]], ReadAll(Encoding.UTF8.GetBytes("a,\uFEFFb\n"), pieceBytes: 1));
        Assert.Equal([["\uFEC0x"]], ReadAll(Encoding.UTF8.GetBytes("\uFEC0x\n"), pieceBytes: 1));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4096)]
    public void Text_that_is_not_UTF8_breaks_the_rule_wherever_a_piece_ends(int pieceBytes)
    {
        var latin1 = Encoding.Latin1.GetBytes("island,sex\nBiscoe,M\u00c4LE\n");

        var error = Assert.Throws<CsvFormatException>(() => ReadAll(latin1, pieceBytes));

        Assert.Equal("The file is not UTF-8 text (an invalid byte at offset 19): save it as CSV UTF-8 and upload it again.", error.Message);
    }

    [Fact]
    public void A_character_split_between_pieces_is_read_whole()
    {
        var text = "Dr\u00e9am,\u20ac,\U0001F427\n";

        Assert.Equal([["Dr\u00e9am", "\u20ac", "\U0001F427"]], ReadAll(Encoding.UTF8.GetBytes(text), pieceBytes: 1));
    }

    [Fact]
    public void A_nul_byte_breaks_the_rule_and_says_where()
    {
        var error = Assert.Throws<CsvFormatException>(() => ReadAll("a\nb\0\n"u8.ToArray(), 4096));

        Assert.Contains("NUL byte at offset 3", error.Message);
    }

    [Fact]
    public void Records_count_data_rows_the_way_the_worker_reads_them()
    {
        var scanner = new CsvRecordScanner();

        scanner.Scan("h\n5\" screen,1\n2,3\n\n"u8, null);
        scanner.End(null);

        Assert.Equal(3, scanner.Records);
    }

    private static Task<List<string[]>> ReadAllAsync(string text, int maxRecordChars = 10_000) =>
        Task.FromResult(ReadAll(Encoding.UTF8.GetBytes(text), pieceBytes: 4096, maxRecordChars));

    private static List<string[]> ReadAll(byte[] bytes, int pieceBytes, int maxRecordChars = 10_000)
    {
        var scanner = new CsvRecordScanner(maxRecordChars);
        var records = new List<string[]>();
        for (var start = 0; start < bytes.Length; start += pieceBytes)
        {
            scanner.Scan(bytes.AsSpan(start, Math.Min(pieceBytes, bytes.Length - start)), record => records.Add(record.Cells()));
        }

        scanner.End(record => records.Add(record.Cells()));
        return records;
    }
}
