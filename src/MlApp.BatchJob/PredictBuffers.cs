using MlApp.Model.Card;
using MlApp.Model.Features;

namespace MlApp.BatchJob;

/// <summary>
/// What one predict thread of <see cref="CsvBatch"/> fills for each chunk it takes: the valid rows' columns, each row's
/// error, and where a row's cells end. Kept from chunk to chunk, so that a job allocates them once per thread instead
/// of once per chunk, and the GC has less to collect while the cores are busy.
/// </summary>
internal sealed class PredictBuffers(ModelCard card, int cells)
{
    private FeatureColumns? _columns;
    private string?[] _errors = [];

    public int[] CellEnds { get; } = new int[cells];

    /// <summary>Empty columns and cleared errors for a chunk of <paramref name="rows"/>, grown when a chunk is larger than any before.</summary>
    public FeatureColumns For(int rows, out Span<string?> errors)
    {
        if (_columns is null || _columns.Capacity < rows)
        {
            _columns = new FeatureColumns(card, rows);
            _errors = new string?[rows];
        }

        _columns.Clear();
        errors = _errors.AsSpan(0, rows);
        errors.Clear();
        return _columns;
    }
}
