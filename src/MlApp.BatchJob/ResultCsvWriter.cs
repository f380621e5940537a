using MlApp.BatchJob.Csv;
using MlApp.Model;

using MlApp.Model.Card;
namespace MlApp.BatchJob;

/// <summary>
/// Lays out the result file: the input columns as given, then the prediction columns (classification: the label,
/// named after the card's output, and a <c>score_{class}</c> per class; regression: the value), then <c>error</c>.
/// A bad row keeps its input, with empty prediction cells and the reason in <c>error</c>.
/// </summary>
internal sealed class ResultCsvWriter(TextWriter writer, ModelCard card, int inputColumns)
{
    public const string ErrorColumn = "error";

    private readonly CsvRecordWriter _csv = new(writer);
    private readonly IReadOnlyList<string> _classes = card.Task == ModelTask.Classification ? card.Output.Classes ?? [] : [];

    /// <summary>The prediction columns for a card, in the order they are written.</summary>
    public static IReadOnlyList<string> PredictionColumns(ModelCard card) => card.Task == ModelTask.Classification
        ? [card.Output.Name, .. (card.Output.Classes ?? []).Select(name => $"score_{name}")]
        : [card.Output.Name];

    public void WriteHeader(IReadOnlyList<string> header)
    {
        foreach (var name in header)
        {
            _csv.Write(name);
        }

        foreach (var name in PredictionColumns(card))
        {
            _csv.Write(name);
        }

        _csv.Write(ErrorColumn);
        _csv.EndRecord();
    }

    public void WritePrediction(string[] cells, Prediction prediction)
    {
        WriteInput(cells);
        if (card.Task == ModelTask.Classification)
        {
            _csv.Write(prediction.Label);
            foreach (var name in _classes)
            {
                WriteScore(prediction.Scores, name);
            }
        }
        else if (prediction.Value is { } value)
        {
            _csv.Write(value);
        }
        else
        {
            _csv.WriteEmpty(1);
        }

        _csv.WriteEmpty(1);
        _csv.EndRecord();
    }

    public void WriteError(string[] cells, string error)
    {
        WriteInput(cells);
        _csv.WriteEmpty(1 + _classes.Count);
        _csv.Write(error);
        _csv.EndRecord();
    }

    /// <summary>Exactly as many cells as the header has, so that the result stays rectangular even for a ragged row (its error says so).</summary>
    private void WriteInput(string[] cells)
    {
        for (var i = 0; i < inputColumns; i++)
        {
            _csv.Write(i < cells.Length ? cells[i] : "");
        }
    }

    private void WriteScore(IReadOnlyDictionary<string, float>? scores, string name)
    {
        if (scores is not null && scores.TryGetValue(name, out var score))
        {
            _csv.Write(score);
        }
        else
        {
            _csv.WriteEmpty(1);
        }
    }
}
