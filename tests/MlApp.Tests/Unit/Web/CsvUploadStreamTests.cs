using System.Security.Cryptography;
using System.Text;
using MlApp.Web.Jobs;

namespace MlApp.Tests.Unit.Web;

[Trait("Category", "Unit")]
public sealed class CsvUploadStreamTests
{
    [Theory]
    [InlineData("a,b\n1,2\n3,4\n", 2)]
    [InlineData("a,b\n1,2\n3,4", 2)]
    [InlineData("a,b\r\n1,2\r\n3,4\r\n", 2)]
    [InlineData("a,b\n\"x\ny\",2\n", 1)]
    [InlineData("a,b\n1,2\n\n\n", 1)]
    [InlineData("a,b\n", 0)]
    public async Task Data_rows_are_counted_by_csv_records_not_by_lines(string csv, long rows)
    {
        var upload = new CsvUploadStream(new MemoryStream(Encoding.UTF8.GetBytes(csv)), 1000, 1000);

        await upload.ReadHeaderAsync(default);
        var passedThrough = new MemoryStream();
        await upload.CopyToAsync(passedThrough);

        Assert.Equal(rows, upload.DataRows);
        Assert.Equal(csv, Encoding.UTF8.GetString(passedThrough.ToArray()));
        Assert.Equal("sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(csv))), upload.Fingerprint);
    }

    [Fact]
    public async Task The_header_is_read_first_without_losing_its_bytes()
    {
        var upload = new CsvUploadStream(new MemoryStream(Encoding.UTF8.GetBytes("\"island\",sex\r\nDream,MALE\n")), 1000, 1000);

        Assert.Equal(["island", "sex"], await upload.ReadHeaderAsync(default));
        Assert.Equal("\"island\",sex\r\nDream,MALE\n", await new StreamReader(upload).ReadToEndAsync());
    }

    [Fact]
    public async Task More_rows_than_the_cap_is_refused_with_413()
    {
        var upload = new CsvUploadStream(new MemoryStream(Encoding.UTF8.GetBytes("a\n1\n2\n3\n")), 1000, maxRows: 2);

        var error = await Assert.ThrowsAsync<UploadRejectedException>(() => upload.CopyToAsync(Stream.Null));

        Assert.Equal(413, error.Status);
        Assert.Equal("The file has more than the limit of 2 data rows.", error.Message);
    }

    [Fact]
    public async Task More_bytes_than_the_cap_is_refused_with_413()
    {
        var upload = new CsvUploadStream(new MemoryStream(new byte[100]), maxBytes: 99, 1000);

        var error = await Assert.ThrowsAsync<UploadRejectedException>(() => upload.CopyToAsync(Stream.Null));

        Assert.Equal(413, error.Status);
    }

    [Theory]
    [InlineData("a,b,c", new[] { "a", "b", "c" })]
    [InlineData("\"a,b\",c", new[] { "a,b", "c" })]
    [InlineData("\"say \"\"hi\"\"\",x", new[] { "say \"hi\"", "x" })]
    [InlineData("a,,", new[] { "a", "", "" })]
    [InlineData("\"two\nlines\",b", new[] { "two\nlines", "b" })]
    public async Task Header_names_follow_rfc_4180_quoting(string line, string[] names)
    {
        var upload = new CsvUploadStream(new MemoryStream(Encoding.UTF8.GetBytes(line + "\n1,2\n")), 1000, 1000);

        Assert.Equal(names, await upload.ReadHeaderAsync(default));
    }

    [Fact]
    public async Task A_quote_that_is_never_closed_is_refused_with_400_as_the_worker_would_fail_it()
    {
        var upload = new CsvUploadStream(new MemoryStream(Encoding.UTF8.GetBytes("a,b\n1,\"open\n2,3\n")), 1000, 1000);

        await upload.ReadHeaderAsync(default);
        var error = await Assert.ThrowsAsync<UploadRejectedException>(() => upload.CopyToAsync(Stream.Null));

        Assert.Equal(400, error.Status);
        Assert.Contains("line 2 is never closed", error.Message);
    }

    [Fact]
    public async Task A_stray_quote_in_a_cell_is_text_and_does_not_hide_the_rows_after_it()
    {
        var upload = new CsvUploadStream(new MemoryStream(Encoding.UTF8.GetBytes("a,b\n5\" screen,1\n2,3\n")), 1000, 1000);

        await upload.ReadHeaderAsync(default);
        await upload.CopyToAsync(Stream.Null);

        Assert.Equal(2, upload.DataRows);
    }
}
