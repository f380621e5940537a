using System.Globalization;
using System.Text;
using MlApp.BatchJob.Csv;

namespace MlApp.Tests.Unit.Batch;

[Trait("Category", "Unit")]
public sealed class CsvRecordWriterTests
{
    [Fact]
    public void Only_cells_with_commas_quotes_or_line_breaks_are_quoted_and_records_end_with_CRLF()
    {
        var text = Write(csv =>
        {
            csv.Write("plain");
            csv.Write("a,b");
            csv.Write("say \"hi\"");
            csv.Write("two\nlines");
            csv.Write(" spaced ");
            csv.WriteEmpty(2);
            csv.EndRecord();
            csv.Write("next");
            csv.EndRecord();
        });

        Assert.Equal("plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\", spaced ,,\r\nnext\r\n", text);
    }

    [Fact]
    public void Numbers_are_invariant_and_round_trip_whatever_the_current_culture()
    {
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
        try
        {
            var text = Write(csv =>
            {
                csv.Write(0.1f);
                csv.Write(1.0000001f);
                csv.Write(3.4028235e38f);
                csv.EndRecord();
            });

            Assert.Equal("0.1,1.0000001,3.4028235E+38\r\n", text);
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void Raw_cells_are_copied_as_they_are_after_a_separator()
    {
        var text = Write(csv =>
        {
            csv.Write("id");
            csv.WriteRaw("a,b,\"c\""u8);
            csv.Write("d\u00e9j\u00e0 \"vu\""u8);
            csv.EndRecord();
        });

        Assert.Equal("id,a,b,\"c\",\"d\u00e9j\u00e0 \"\"vu\"\"\"\r\n", text);
    }

    private static string Write(Action<CsvRecordWriter> write)
    {
        using var csv = new CsvRecordWriter(initialBytes: 4);
        write(csv);
        return Encoding.UTF8.GetString(csv.Written);
    }
}
