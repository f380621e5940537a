using MlApp.BatchJob.Csv;
using MlApp.Model;

using MlApp.Model.Features;
namespace MlApp.BatchJob;

/// <summary>
/// One chunk of input records on its way through <see cref="CsvBatch"/>: split by the reading thread, then validated,
/// predicted (the valid rows, column by column, in one model run) and laid out as result bytes by one of the predict
/// threads, then written, in input order, by the writing thread. Each step hands it on and never touches it again, so
/// it needs no locking.
/// </summary>
internal sealed class RowChunk(CsvChunk records) : IDisposable
{
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public CsvChunk Records { get; } = records;

    /// <summary>The chunk's result rows, once <see cref="Done"/>.</summary>
    public CsvRecordWriter Result { get; } = new(128 * 1024);

    public Task Done => _done.Task;

    public void Predict(CsvFeatureReader features, IPredictor predictor, ResultCsvWriter layout, PredictBuffers buffers)
    {
        try
        {
            // A valid row goes into the columns; a bad one keeps its reason, and its place in the result.
            var columns = buffers.For(Records.Count, out var errors);
            Span<int> cellEnds = buffers.CellEnds;
            for (var i = 0; i < Records.Count; i++)
            {
                if (Records.CellCount(i) == cellEnds.Length && features.TryAdd(Records.Cells(i, cellEnds), cellEnds, columns))
                {
                    continue;
                }

                // Whatever the fast path leaves (a cell to trim or decode, a bad value) is read as it always was.
                var read = features.Read(Records.Cells(i));
                if (read.IsValid)
                {
                    columns.Add(read.Value);
                }
                else
                {
                    errors[i] = read.ErrorText;
                }
            }

            var predictions = predictor.PredictColumns(columns);
            var next = 0;
            for (var i = 0; i < errors.Length; i++)
            {
                if (errors[i] is { } error)
                {
                    layout.WriteError(Result, Records, i, error);
                }
                else
                {
                    layout.WritePrediction(Result, Records, i, predictions, next++);
                }
            }

            _done.SetResult();
        }
        catch (Exception e)
        {
            _done.SetException(e);
            throw;
        }
    }

    public void Dispose()
    {
        Records.Dispose();
        Result.Dispose();
    }
}
