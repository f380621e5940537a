using System.Text;
using MlApp.Web.Jobs;

namespace MlApp.Tests.Unit.Web;

/// <summary>An upload must be UTF-8 text: anything else is refused before a job exists, never silently mangled.</summary>
[Trait("Category", "Unit")]
public sealed class CsvUploadTextTests
{
    private static async Task<UploadRejectedException> RefusedAsync(byte[] file)
    {
        var upload = new CsvUploadStream(new MemoryStream(file), 1_000_000, 1000);
        return await Assert.ThrowsAsync<UploadRejectedException>(async () =>
        {
            await upload.ReadHeaderAsync(default);
            await upload.CopyToAsync(Stream.Null);
        });
    }

    [Fact]
    public async Task A_latin1_file_is_refused_with_400_and_told_to_save_as_utf8()
    {
        var error = await RefusedAsync(Encoding.Latin1.GetBytes("island,sex\nBiscoe,MÄLE\n"));

        Assert.Equal(400, error.Status);
        Assert.Contains("not UTF-8", error.Message);
    }

    [Fact]
    public async Task A_binary_file_named_csv_is_refused_as_binary()
    {
        byte[] png = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D];

        var error = await RefusedAsync(png);

        Assert.Equal(400, error.Status);
    }

    [Fact]
    public async Task Nul_bytes_in_otherwise_valid_text_are_refused_as_binary()
    {
        var error = await RefusedAsync(Encoding.UTF8.GetBytes("island,sex\nBiscoe\0,MALE\n"));

        Assert.Contains("NUL byte at offset 17", error.Message);
    }

    [Fact]
    public async Task A_character_cut_off_at_the_end_of_the_file_is_refused()
    {
        var bytes = Encoding.UTF8.GetBytes("island,sex\nBiscoe,MÄ");

        var error = await RefusedAsync(bytes[..^1]);

        Assert.Contains("not UTF-8", error.Message);
    }

    [Fact]
    public async Task A_byte_order_mark_is_accepted_and_kept_out_of_the_first_column_name()
    {
        var file = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("island,sex\nDream,MALE\n")).ToArray();
        var upload = new CsvUploadStream(new MemoryStream(file), 1000, 1000);

        Assert.Equal(["island", "sex"], await upload.ReadHeaderAsync(default));
        var passedThrough = new MemoryStream();
        await upload.CopyToAsync(passedThrough);
        Assert.Equal(file, passedThrough.ToArray());
        Assert.Equal(1, upload.DataRows);
    }

    [Fact]
    public async Task Non_ascii_utf8_split_across_reads_is_accepted()
    {
        var file = Encoding.UTF8.GetBytes("island,sex\n" + string.Concat(Enumerable.Repeat("Dréam,MÄLE\n", 2000)));
        var upload = new CsvUploadStream(new ChunkedStream(file, chunk: 7), 1_000_000, 10_000);

        await upload.ReadHeaderAsync(default);
        await upload.CopyToAsync(Stream.Null);

        Assert.Equal(2000, upload.DataRows);
    }

    /// <summary>Hands out a few bytes per read, so multi-byte characters straddle reads.</summary>
    private sealed class ChunkedStream(byte[] bytes, int chunk) : MemoryStream(bytes)
    {
        public override int Read(Span<byte> buffer) => base.Read(buffer[..Math.Min(chunk, buffer.Length)]);

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(chunk, buffer.Length)], cancellationToken);
    }
}
