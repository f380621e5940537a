using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using MlApp.BatchJob;
using MlApp.Model;
using MlApp.Tests.Unit.Model;

using MlApp.Model.Features;
namespace MlApp.Tests.Unit.Batch;

[Trait("Category", "Unit")]
public sealed class CsvBatchTests
{
    [Theory]
    [InlineData(1024, 1)]
    [InlineData(7, 1)]
    [InlineData(1, 1)]
    [InlineData(7, 4)]
    [InlineData(1, 3)]
    public async Task Every_row_of_the_data_set_comes_out_with_its_prediction_or_its_error_in_input_order(int chunkRows, int threads)
    {
        var rows = PenguinCsv.Rows(1000, badEvery: 37).ToList();

        var (result, count) = await RunAsync(TestModels.Penguins, PenguinCsv.Text(rows), chunkRows, threads);

        Assert.Equal(1000, count);
        Assert.Equal(ExpectedResult.Text(TestModels.Penguins, PenguinCsv.Header, rows, chunkRows), result);
    }

    [Fact]
    public async Task The_result_has_the_input_columns_a_label_a_score_per_class_and_an_error_column()
    {
        var (result, _) = await RunAsync(TestModels.Penguins, PenguinCsv.Text(PenguinCsv.DataRows.Take(1)));

        var lines = result.Split("\r\n");
        Assert.Equal("island,bill_length_mm,bill_depth_mm,flipper_length_mm,body_mass_g,sex,species,score_Adelie,score_Chinstrap,score_Gentoo,error", lines[0]);
        Assert.StartsWith("Torgersen,39.1,18.7,181,3750,MALE,Adelie,", lines[1]);
        Assert.EndsWith(",", lines[1]);
        Assert.Equal([""], lines[2..]);
    }

    [Fact]
    public async Task A_bad_row_gets_empty_prediction_cells_and_the_readers_message_and_the_rest_still_predict()
    {
        string[] unknownIsland = ["Atlantis", "39.1", "18.7", "181", "3750", "MALE"];
        var reader = CsvFeatureReader.Create(TestModels.PenguinsCard, PenguinCsv.Header).Value!;
        var message = reader.Read(unknownIsland).ErrorText;

        var (result, count) = await RunAsync(TestModels.Penguins, PenguinCsv.Text([PenguinCsv.DataRows[0], unknownIsland, PenguinCsv.DataRows[1]]));

        var lines = result.Split("\r\n");
        Assert.Equal(3, count);
        Assert.Contains("not one of the allowed values: Biscoe, Dream, Torgersen", message);
        Assert.Equal($"Atlantis,39.1,18.7,181,3750,MALE,,,,,\"{message}\"", lines[2]);
        Assert.Contains(",Adelie,", lines[1]);
        Assert.Contains(",Adelie,", lines[3]);
    }

    [Fact]
    public async Task A_ragged_row_keeps_the_result_rectangular_and_says_how_many_cells_it_had()
    {
        var text = string.Join(',', PenguinCsv.Header) + "\nBiscoe,39.1\nBiscoe,39.1,18.7,181,3750,MALE,extra,more\n";

        var (result, _) = await RunAsync(TestModels.Penguins, text);

        var lines = result.Split("\r\n");
        Assert.Equal("Biscoe,39.1,,,,,,,,,\"The row has 2 cells, but the header has 6 columns.\"", lines[1]);
        Assert.Equal("Biscoe,39.1,18.7,181,3750,MALE,,,,,\"The row has 8 cells, but the header has 6 columns.\"", lines[2]);
    }

    [Fact]
    public async Task Quoted_input_is_read_per_RFC_4180_and_written_back_quoted_only_where_needed()
    {
        var text = "\uFEFF\"island\",bill_length_mm,bill_depth_mm,flipper_length_mm,body_mass_g,\"sex\"\r\n" +
            "\"Torgersen\",39.1,18.7,181,3750,\"MALE\"\r\n" +
            "\"Tor,gersen\",39.1,18.7,181,3750,\"MA\"\"LE\"\r\n";

        var (result, _) = await RunAsync(TestModels.Penguins, text);

        var lines = result.Split("\r\n");
        Assert.StartsWith("island,bill_length_mm,", lines[0]);
        Assert.StartsWith("Torgersen,39.1,18.7,181,3750,MALE,Adelie,", lines[1]);
        Assert.StartsWith("\"Tor,gersen\",39.1,18.7,181,3750,\"MA\"\"LE\",,,,,\"Field 'island' is 'Tor,gersen'", lines[2]);
    }

    [Fact]
    public async Task A_regression_model_writes_its_value_column()
    {
        var text = "outdoor_temp_c,floor_area_m2,occupants\n30.5,150,12\n30.5,150,0\n";
        var expected = TestModels.Cooling.Predict(FeatureRow.Of(("outdoor_temp_c", 30.5), ("floor_area_m2", 150), ("occupants", 12))).Value!.Value;

        var (result, _) = await RunAsync(TestModels.Cooling, text);

        var lines = result.Split("\r\n");
        Assert.Equal("outdoor_temp_c,floor_area_m2,occupants,cooling_load_kw,error", lines[0]);
        Assert.Equal($"30.5,150,12,{expected.ToString("R", System.Globalization.CultureInfo.InvariantCulture)},", lines[1]);
        Assert.StartsWith("30.5,150,0,,\"Field 'occupants' is 0, outside the allowed range 1 to 40", lines[2]);
    }

    [Fact]
    public async Task A_header_that_does_not_match_the_inputs_fails_the_whole_file_with_the_readers_reason()
    {
        var text = "species," + string.Join(',', PenguinCsv.Header[..5]) + "\nAdelie,Torgersen,39.1,18.7,181,3750\n";

        var error = await Assert.ThrowsAsync<JobInputException>(() => RunAsync(TestModels.Penguins, text));

        Assert.StartsWith("The header row does not match the model's inputs.", error.Message);
        Assert.Contains("Field 'species' is not an input of this model", error.Message);
        Assert.Contains("Field 'sex' is missing; it is required.", error.Message);
    }

    [Fact]
    public async Task An_empty_file_fails_with_a_readable_reason()
    {
        var error = await Assert.ThrowsAsync<JobInputException>(() => RunAsync(TestModels.Penguins, "\r\n\r\n"));

        Assert.Equal("The input file is empty: it has no header row.", error.Message);
    }

    [Fact]
    public async Task A_binary_file_fails_as_not_text_rather_than_with_a_header_of_garbage()
    {
        var binary = new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0xFF, 0xFE, 0x2C, 0x00 };

        var error = await Assert.ThrowsAsync<JobInputException>(() => RunAsync(TestModels.Penguins, binary));

        Assert.StartsWith("The input file is not UTF-8 text", error.Message);
    }

    [Fact]
    public async Task A_header_only_file_gives_a_header_only_result()
    {
        var (result, count) = await RunAsync(TestModels.Penguins, string.Join(',', PenguinCsv.Header) + "\n");

        Assert.Equal(0, count);
        Assert.Single(result.Split("\r\n", StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task Progress_counts_rows_chunk_by_chunk()
    {
        var progress = new JobProgress(new FakeTimeProvider());
        var batch = new CsvBatch(TestModels.Penguins, Options.Create(new BatchWorkerOptions { ChunkRows = 100 }));

        await batch.RunAsync(new MemoryStream(PenguinCsv.Bytes(PenguinCsv.Rows(250))), Stream.Null, progress, default);

        Assert.Equal(250, progress.RowsDone);
    }

    [Fact]
    public async Task A_stop_request_ends_the_run_at_the_next_chunk()
    {
        using var stop = new CancellationTokenSource();
        var output = new CancelOnWriteStream(stop);
        var progress = new JobProgress(new FakeTimeProvider());
        var batch = new CsvBatch(TestModels.Penguins, Options.Create(new BatchWorkerOptions { ChunkRows = 10 }));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            batch.RunAsync(new MemoryStream(PenguinCsv.Bytes(PenguinCsv.Rows(1000))), output, progress, stop.Token));

        Assert.InRange(progress.RowsDone, 0, 10);
    }

    [Fact]
    public async Task A_quote_that_is_never_closed_fails_the_file_with_the_line_it_opens_on()
    {
        var text = string.Join(',', PenguinCsv.Header) + "\nBiscoe,39.1,18.7,181,3750,MALE\n\"Dream,39.1,18.7,181,3750,MALE\n";

        var error = await Assert.ThrowsAsync<JobInputException>(() => RunAsync(TestModels.Penguins, text));

        Assert.Equal("The quoted cell that starts on line 3 is never closed: the file ends inside it.", error.Message);
    }

    [Fact]
    public async Task A_byte_that_is_not_UTF8_after_the_header_fails_the_file_as_the_web_would_refuse_it()
    {
        var bytes = Encoding.UTF8.GetBytes(string.Join(',', PenguinCsv.Header) + "\nBiscoe,39.1,18.7,181,3750,MALE\n")
            .Concat(Encoding.Latin1.GetBytes("Dr\u00e9am,39.1,18.7,181,3750,MALE\n")).ToArray();

        var error = await Assert.ThrowsAsync<JobInputException>(() => RunAsync(TestModels.Penguins, bytes));

        Assert.StartsWith("The input file is not UTF-8 text (an invalid byte at offset 103)", error.Message);
    }

    [Fact]
    public async Task A_record_with_quotes_is_written_cell_by_cell_and_one_without_as_it_came()
    {
        var text = string.Join(',', PenguinCsv.Header) + "\n Biscoe ,39.1,18.7,181,3750,MALE\n\"Biscoe\",39.1,18.7,181,3750,\"MALE\"\r\n";

        var (result, _) = await RunAsync(TestModels.Penguins, text);

        var lines = result.Split("\r\n");
        Assert.StartsWith(" Biscoe ,39.1,18.7,181,3750,MALE,", lines[1]);
        Assert.StartsWith("Biscoe,39.1,18.7,181,3750,MALE,", lines[2]);
    }

    private static Task<(string Result, long Rows)> RunAsync(IPredictor predictor, string text, int chunkRows = 1024, int threads = 0) =>
        RunAsync(predictor, Encoding.UTF8.GetBytes(text), chunkRows, threads);

    private static async Task<(string Result, long Rows)> RunAsync(IPredictor predictor, byte[] input, int chunkRows = 1024, int threads = 0)
    {
        var batch = new CsvBatch(predictor, Options.Create(new BatchWorkerOptions { ChunkRows = chunkRows, PredictThreads = threads }));
        var output = new MemoryStream();
        var rows = await batch.RunAsync(new MemoryStream(input), output, progress: null, default);
        var bytes = output.ToArray();
        Assert.False(bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble), "The result starts with a byte order mark.");
        return (Encoding.UTF8.GetString(bytes), rows);
    }

    /// <summary>An output that asks the run to stop as soon as the first chunk reaches it.</summary>
    private sealed class CancelOnWriteStream(CancellationTokenSource stop) : MemoryStream
    {
        public override Task FlushAsync(CancellationToken cancellationToken)
        {
            stop.Cancel();
            return Task.CompletedTask;
        }
    }
}
