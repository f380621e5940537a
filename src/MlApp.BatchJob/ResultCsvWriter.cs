using MlApp.BatchJob.Csv;
using MlApp.Model;

using MlApp.Model.Card;
namespace MlApp.BatchJob;

/// <summary>
/// Lays out the result file: the input columns as given, then the prediction columns (classification: the label,
/// named after the card's output, and a <c>score_{class}</c> per class; regression: the value), then <c>error</c>.
/// A bad row keeps its input, with empty prediction cells and the reason in <c>error</c>. Stateless, so the predict
/// threads share one, each writing into its own <see cref="CsvRecordWriter"/>.
/// </summary>
internal sealed class ResultCsvWriter(ModelCard card, int inputColumns)
{
    public const string ErrorColumn = "error";

    private readonly IReadOnlyList<string> _classes = card.Task == ModelTask.Classification ? card.Output.Classes ?? [] : [];

    /// <summary>The prediction columns for a card, in the order they are written.</summary>
    public static IReadOnlyList<string> PredictionColumns(ModelCard card) => card.Task == ModelTask.Classification
        ? [card.Output.Name, .. (card.Output.Classes ?? []).Select(name => $"score_{name}")]
        : [card.Output.Name];

    public void WriteHeader(CsvRecordWriter csv, IReadOnlyList<string> header)
    {
        foreach (var name in header)
        {
            csv.Write(name);
        }

        foreach (var name in PredictionColumns(card))
        {
            csv.Write(name);
        }

        csv.Write(ErrorColumn);
        csv.EndRecord();
    }

    /// <summary>Input record <paramref name="record"/> with the answer in row <paramref name="row"/> of <paramref name="predictions"/>.</summary>
    public void WritePrediction(CsvRecordWriter csv, CsvChunk records, int record, PredictionColumns predictions, int row)
    {
        WriteInput(csv, records, record);
        if (card.Task == ModelTask.Classification)
        {
            csv.Write(predictions.Label(row) ?? "");
            for (var index = 0; index < _classes.Count; index++)
            {
                if (predictions.TryGetScore(row, index, out var score))
                {
                    csv.Write(score);
                }
                else
                {
                    csv.WriteEmpty(1);
                }
            }
        }
        else if (predictions.Value(row) is { } value)
        {
            csv.Write(value);
        }
        else
        {
            csv.WriteEmpty(1);
        }

        csv.WriteEmpty(1);
        csv.EndRecord();
    }

    public void WriteError(CsvRecordWriter csv, CsvChunk records, int record, string error)
    {
        WriteInput(csv, records, record);
        csv.WriteEmpty(1 + _classes.Count);
        csv.Write(error);
        csv.EndRecord();
    }

    /// <summary>Exactly as many cells as the header has, so that the result stays rectangular even for a ragged row (its error says so).</summary>
    private void WriteInput(CsvRecordWriter csv, CsvChunk records, int record)
    {
        var cells = records.CellCount(record);
        if (cells == inputColumns && !records.HasQuotes(record))
        {
            // Its cells need no quotes, so the record as it came is the record as it would be written.
            csv.WriteRaw(records.Text(record));
            return;
        }

        for (var i = 0; i < inputColumns; i++)
        {
            csv.Write(i < cells ? records.Cell(record, i) : default);
        }
    }
}
