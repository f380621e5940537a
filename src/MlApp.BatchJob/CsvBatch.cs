using System.Text;
using System.Threading.Channels;
using Microsoft.Extensions.Options;
using MlApp.BatchJob.Csv;
using MlApp.Model;

using MlApp.Model.Features;
namespace MlApp.BatchJob;

/// <summary>
/// Predicts a CSV stream into a result CSV stream, one chunk of rows at a time, so memory holds a few chunks whatever
/// the file's size. The header must match the model's inputs, as the web checks at upload; a bad row is a row of the
/// result with its reason, never a failure of the whole file. Between chunks it stops when asked. The model sees the
/// same chunks in the same order whichever stage runs ahead, so the result is the same bytes as a one-thread run.
/// </summary>
public sealed class CsvBatch(IPredictor predictor, IOptions<BatchWorkerOptions> options)
{
    private const int BufferSize = 64 * 1024;

    /// <summary>Chunks that may wait between two stages: enough to absorb a slow moment of either, a few MB at most.</summary>
    private const int StageCapacity = 2;

    /// <summary>UTF-8 without a byte order mark; malformed input bytes become U+FFFD, which the header check turns into a readable failure.</summary>
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    private readonly BatchWorkerOptions _options = options.Value;

    /// <summary>Writes the result of <paramref name="input"/> to <paramref name="output"/> and returns the number of data rows.</summary>
    public async Task<long> RunAsync(Stream input, Stream output, JobProgress? progress, CancellationToken cancellationToken)
    {
        using var text = new StreamReader(input, Utf8, detectEncodingFromByteOrderMarks: true, BufferSize, leaveOpen: true);
        var records = new CsvRecordReader(text, _options.MaxRowCharacters);
        var header = await records.ReadAsync(cancellationToken) ?? throw new JobInputException("The input file is empty: it has no header row.");
        var reader = ReadHeader(header);

        await using var result = new StreamWriter(output, Utf8, BufferSize, leaveOpen: true);
        var writer = new ResultCsvWriter(result, predictor.Card, header.Length);
        writer.WriteHeader(header);

        // Three stages, so that reading and validating the next chunk and writing the last one overlap the model's run on
        // this one: on a machine with more than one core the slowest stage sets the pace, not the sum of the three.
        using var stages = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var read = Channel.CreateBounded<RowChunk>(StageCapacity);
        var predicted = Channel.CreateBounded<RowChunk>(StageCapacity);
        var reading = Stage(() => ReadChunksAsync(records, reader, read.Writer, stages.Token), read.Writer, stages);
        var predicting = Stage(() => PredictChunksAsync(read.Reader, predicted.Writer, stages.Token), predicted.Writer, stages);
        var writing = Stage(() => WriteChunksAsync(predicted.Reader, writer, result, progress, stages.Token), null, stages);
        try
        {
            await Task.WhenAll(reading, predicting, writing);
        }
        catch
        {
            throw StageFailure.RootCause(cancellationToken, reading, predicting, writing);
        }

        await result.FlushAsync(cancellationToken);
        return await writing;
    }

    /// <summary>
    /// Runs one stage on the thread pool. A failing stage cancels the others before it closes its output, so the next
    /// stage stops at its next chunk instead of taking the early end for the end of the file.
    /// </summary>
    private static Task<T> Stage<T>(Func<Task<T>> body, ChannelWriter<RowChunk>? output, CancellationTokenSource stages) => Task.Run(async () =>
    {
        try
        {
            return await body();
        }
        catch
        {
            await stages.CancelAsync();
            throw;
        }
        finally
        {
            output?.TryComplete();
        }
    });

    private async Task<long> ReadChunksAsync(CsvRecordReader records, CsvFeatureReader reader, ChannelWriter<RowChunk> output, CancellationToken cancellationToken)
    {
        long rows = 0;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var chunk = new List<string[]>(_options.ChunkRows);
            while (chunk.Count < _options.ChunkRows && await records.ReadAsync(cancellationToken) is { } record)
            {
                chunk.Add(record);
            }

            if (chunk.Count == 0)
            {
                return rows;
            }

            await output.WriteAsync(Validate(reader, chunk), cancellationToken);
            rows += chunk.Count;
        }
    }

    private async Task<long> PredictChunksAsync(ChannelReader<RowChunk> input, ChannelWriter<RowChunk> output, CancellationToken cancellationToken)
    {
        long rows = 0;
        await foreach (var chunk in input.ReadAllAsync(cancellationToken))
        {
            cancellationToken.ThrowIfCancellationRequested();
            chunk.Predictions = predictor.PredictBatch(chunk.Valid);
            await output.WriteAsync(chunk, cancellationToken);
            rows += chunk.Records.Count;
        }

        return rows;
    }

    private static async Task<long> WriteChunksAsync(
        ChannelReader<RowChunk> input, ResultCsvWriter writer, StreamWriter result, JobProgress? progress, CancellationToken cancellationToken)
    {
        long rows = 0;
        await foreach (var chunk in input.ReadAllAsync(cancellationToken))
        {
            cancellationToken.ThrowIfCancellationRequested();
            Write(writer, chunk);
            await result.FlushAsync(cancellationToken);
            rows += chunk.Records.Count;
            progress?.Add(chunk.Records.Count);
        }

        return rows;
    }

    private CsvFeatureReader ReadHeader(string[] header)
    {
        if (header.Any(name => name.Contains('\uFFFD') || name.Contains('\0')))
        {
            throw new JobInputException("The input file is not UTF-8 text (it looks like a binary file): upload a CSV file whose first row names the model's inputs.");
        }

        var reader = CsvFeatureReader.Create(predictor.Card, header);
        return reader.IsValid
            ? reader.Value
            : throw new JobInputException($"The header row does not match the model's inputs. {reader.ErrorText}");
    }

    private static RowChunk Validate(CsvFeatureReader reader, List<string[]> records)
    {
        var results = new ReadResult<FeatureRow>[records.Count];
        var valid = new List<FeatureRow>(records.Count);
        for (var i = 0; i < records.Count; i++)
        {
            results[i] = reader.Read(records[i]);
            if (results[i].IsValid)
            {
                valid.Add(results[i].Value!);
            }
        }

        return new RowChunk(records, results, valid);
    }

    private static void Write(ResultCsvWriter writer, RowChunk chunk)
    {
        var next = 0;
        for (var i = 0; i < chunk.Records.Count; i++)
        {
            if (chunk.Results[i].IsValid)
            {
                writer.WritePrediction(chunk.Records[i], chunk.Predictions[next++]);
            }
            else
            {
                writer.WriteError(chunk.Records[i], chunk.Results[i].ErrorText);
            }
        }
    }
}
