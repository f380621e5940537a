using MlApp.BatchJob.Csv;
using MlApp.Model;

using MlApp.Model.Features;
namespace MlApp.BatchJob;

/// <summary>
/// One chunk of input records on its way through <see cref="CsvBatch"/>: split by the reading thread, then validated,
/// predicted (the valid rows in one model run) and laid out as result bytes by one of the predict threads, then written,
/// in input order, by the writing thread. Each step hands it on and never touches it again, so it needs no locking.
/// </summary>
internal sealed class RowChunk(CsvChunk records) : IDisposable
{
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public CsvChunk Records { get; } = records;

    /// <summary>The chunk's result rows, once <see cref="Done"/>.</summary>
    public CsvRecordWriter Result { get; } = new(128 * 1024);

    public Task Done => _done.Task;

    public void Predict(CsvFeatureReader features, IPredictor predictor, ResultCsvWriter layout)
    {
        try
        {
            var results = new ReadResult<FeatureRow>[Records.Count];
            var valid = new List<FeatureRow>(Records.Count);
            for (var i = 0; i < results.Length; i++)
            {
                results[i] = features.Read(Records.Cells(i));
                if (results[i].IsValid)
                {
                    valid.Add(results[i].Value!);
                }
            }

            var predictions = predictor.PredictBatch(valid);
            var next = 0;
            for (var i = 0; i < results.Length; i++)
            {
                if (results[i].IsValid)
                {
                    layout.WritePrediction(Result, Records, i, predictions[next++]);
                }
                else
                {
                    layout.WriteError(Result, Records, i, results[i].ErrorText);
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
