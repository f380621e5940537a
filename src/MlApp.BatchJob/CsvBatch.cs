using System.Text;
using Microsoft.Extensions.Options;
using MlApp.BatchJob.Csv;
using MlApp.Model;

namespace MlApp.BatchJob;

/// <summary>
/// Predicts a CSV stream into a result CSV stream, one chunk of rows at a time, so memory holds one chunk whatever the
/// file's size. The header must match the model's inputs, as the web checks at upload; a bad row is a row of the
/// result with its reason, never a failure of the whole file. Between chunks it stops when asked.
/// </summary>
public sealed class CsvBatch(IPredictor predictor, IOptions<BatchWorkerOptions> options)
{
    private const int BufferSize = 64 * 1024;

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

        var chunk = new List<string[]>(_options.ChunkRows);
        long rows = 0;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            chunk.Clear();
            while (chunk.Count < _options.ChunkRows && await records.ReadAsync(cancellationToken) is { } record)
            {
                chunk.Add(record);
            }

            if (chunk.Count == 0)
            {
                break;
            }

            WriteChunk(reader, writer, chunk);
            await result.FlushAsync(cancellationToken);
            rows += chunk.Count;
            progress?.Add(chunk.Count);
        }

        await result.FlushAsync(cancellationToken);
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

    private void WriteChunk(CsvFeatureReader reader, ResultCsvWriter writer, List<string[]> chunk)
    {
        var results = new ReadResult<FeatureRow>[chunk.Count];
        var valid = new List<FeatureRow>(chunk.Count);
        for (var i = 0; i < chunk.Count; i++)
        {
            results[i] = reader.Read(chunk[i]);
            if (results[i].IsValid)
            {
                valid.Add(results[i].Value!);
            }
        }

        var predictions = predictor.PredictBatch(valid);
        var next = 0;
        for (var i = 0; i < chunk.Count; i++)
        {
            if (results[i].IsValid)
            {
                writer.WritePrediction(chunk[i], predictions[next++]);
            }
            else
            {
                writer.WriteError(chunk[i], results[i].ErrorText);
            }
        }
    }
}
