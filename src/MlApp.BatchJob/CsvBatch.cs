using System.Threading.Channels;
using Microsoft.Extensions.Options;
using MlApp.BatchJob.Csv;
using MlApp.Model;

using MlApp.Model.Features;
namespace MlApp.BatchJob;

/// <summary>
/// Predicts a CSV stream into a result CSV stream, one chunk of rows at a time, so memory holds a few chunks whatever
/// the file's size. The header must match the model's inputs, as the web checks at upload; a bad row is a row of the
/// result with its reason, never a failure of the whole file. Between chunks it stops when asked.
/// One thread splits the text into chunks, one per core validates, predicts and lays out chunks side by side (ONNX
/// Runtime's runs are thread-safe, each with one thread of its own), and one writes them out in input order. The model
/// sees the same chunks whichever thread takes them, so the result is the same bytes on any number of cores.
/// </summary>
public sealed class CsvBatch(IPredictor predictor, IOptions<BatchWorkerOptions> options)
{
    private readonly BatchWorkerOptions _options = options.Value;

    /// <summary>Writes the result of <paramref name="input"/> to <paramref name="output"/> and returns the number of data rows.</summary>
    public async Task<long> RunAsync(Stream input, Stream output, JobProgress? progress, CancellationToken cancellationToken)
    {
        using var reader = new CsvChunkReader(input, _options.MaxRowCharacters, _options.ChunkRows);
        var header = await reader.ReadHeaderAsync(cancellationToken) ?? throw new JobInputException("The input file is empty: it has no header row.");
        var check = CsvFeatureReader.Create(predictor.Card, header);
        var features = check.IsValid ? check.Value : throw new JobInputException($"The header row does not match the model's inputs. {check.ErrorText}");
        var layout = new ResultCsvWriter(predictor.Card, header.Length);
        using (var first = new CsvRecordWriter())
        {
            layout.WriteHeader(first, header);
            await output.WriteAsync(first.WrittenMemory, cancellationToken);
        }

        // Chunks wait in input order for the writer while the predict threads take them as they come: enough in flight
        // that no thread waits for a slow neighbour, a few MB at most.
        using var stages = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var threads = _options.PredictThreads > 0 ? _options.PredictThreads : Environment.ProcessorCount;
        var work = Channel.CreateBounded<RowChunk>(threads);
        var ordered = Channel.CreateBounded<RowChunk>(2 * threads);
        var reading = Stage(() => ReadChunksAsync(reader, work.Writer, ordered.Writer, stages.Token), stages, work.Writer, ordered.Writer);
        var predicting = Enumerable.Range(0, threads)
            .Select(_ => Stage(() => PredictChunksAsync(work.Reader, features, layout, stages.Token), stages))
            .ToArray();
        var writing = Stage(() => WriteChunksAsync(ordered.Reader, output, progress, stages.Token), stages);
        try
        {
            await Task.WhenAll([reading, writing, .. predicting]);
        }
        catch
        {
            throw StageFailure.RootCause(cancellationToken, [reading, writing, .. predicting]);
        }

        await output.FlushAsync(cancellationToken);
        return await writing;
    }

    /// <summary>
    /// Runs one stage on the thread pool. A failing stage cancels the others before it closes its outputs, so the next
    /// stage stops at its next chunk instead of taking the early end for the end of the file.
    /// </summary>
    private static Task<T> Stage<T>(Func<Task<T>> body, CancellationTokenSource stages, params ChannelWriter<RowChunk>[] outputs) => Task.Run(async () =>
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
            foreach (var output in outputs)
            {
                output.TryComplete();
            }
        }
    });

    private static async Task<long> ReadChunksAsync(
        CsvChunkReader reader, ChannelWriter<RowChunk> work, ChannelWriter<RowChunk> ordered, CancellationToken cancellationToken)
    {
        long rows = 0;
        while (await reader.ReadChunkAsync(cancellationToken) is { } records)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var chunk = new RowChunk(records);
            await ordered.WriteAsync(chunk, cancellationToken);
            await work.WriteAsync(chunk, cancellationToken);
            rows += records.Count;
        }

        return rows;
    }

    private async Task<long> PredictChunksAsync(ChannelReader<RowChunk> work, CsvFeatureReader features, ResultCsvWriter layout, CancellationToken cancellationToken)
    {
        long rows = 0;
        var buffers = new PredictBuffers(predictor.Card, features.Header.Count);
        await foreach (var chunk in work.ReadAllAsync(cancellationToken))
        {
            cancellationToken.ThrowIfCancellationRequested();
            chunk.Predict(features, predictor, layout, buffers);
            rows += chunk.Records.Count;
        }

        return rows;
    }

    private static async Task<long> WriteChunksAsync(ChannelReader<RowChunk> ordered, Stream output, JobProgress? progress, CancellationToken cancellationToken)
    {
        long rows = 0;
        await foreach (var chunk in ordered.ReadAllAsync(cancellationToken))
        {
            cancellationToken.ThrowIfCancellationRequested();
            await chunk.Done.WaitAsync(cancellationToken);
            await output.WriteAsync(chunk.Result.WrittenMemory, cancellationToken);
            await output.FlushAsync(cancellationToken);
            rows += chunk.Records.Count;
            progress?.Add(chunk.Records.Count);

            // Only a chunk that is done and written goes back to the pools; after a failure the rest are left to the GC,
            // since a predict thread may still be filling one.
            chunk.Dispose();
        }

        return rows;
    }
}
