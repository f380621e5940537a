using MlApp.Model;

using MlApp.Model.Features;
namespace MlApp.BatchJob;

/// <summary>
/// One chunk of input records on its way through <see cref="CsvBatch"/>'s stages: read and validated, then predicted (the
/// valid rows in one model run), then written. A stage hands it on and never touches it again, so it needs no locking.
/// </summary>
internal sealed class RowChunk(List<string[]> records, ReadResult<FeatureRow>[] results, List<FeatureRow> valid)
{
    public List<string[]> Records { get; } = records;

    /// <summary>Each record's validation, in record order.</summary>
    public ReadResult<FeatureRow>[] Results { get; } = results;

    /// <summary>The valid rows, in record order: the model's input for this chunk.</summary>
    public List<FeatureRow> Valid { get; } = valid;

    /// <summary>One per valid row, set by the predict stage.</summary>
    public IReadOnlyList<Prediction> Predictions { get; set; } = [];
}
