using MlApp.Model.Card;

namespace MlApp.Model;

/// <summary>
/// The model's answers for many rows, column by column: a label and the scores in the card's class order per row
/// (classification), or a value per row (regression). The batch worker writes its result file from these without a
/// <see cref="Prediction"/> or a dictionary per row; <see cref="this[int]"/> gives one row's answer as a Prediction.
/// </summary>
public sealed class PredictionColumns
{
    private readonly string[] classes;
    private readonly string?[]? labels;
    private readonly float[]? scores;
    private readonly bool[]? scoreKnown;
    private readonly float?[]? values;

    private PredictionColumns(ModelCard card, int count, string?[]? labels, float[]? scores, bool[]? scoreKnown, float?[]? values)
    {
        classes = [.. card.Output.Classes ?? []];
        Count = count;
        this.labels = labels;
        this.scores = scores;
        this.scoreKnown = scoreKnown;
        this.values = values;
    }

    public int Count { get; }

    /// <summary>The row's prediction as one object, with its scores by class name.</summary>
    public Prediction this[int row] => new()
    {
        Label = Label(row),
        Value = Value(row),
        Scores = scores is null ? null : ScoreMap(row),
    };

    /// <summary>Classification answers from a graph: a label per row, and <paramref name="scores"/> (rows × classes) when it gives them.</summary>
    public static PredictionColumns Classified(ModelCard card, string[] labels, float[]? scores) =>
        new(card, labels.Length, labels, scores, null, null);

    /// <summary>Regression answers from a graph: one value per row.</summary>
    public static PredictionColumns Regressed(ModelCard card, float[] values) =>
        new(card, values.Length, null, null, null, [.. values.Select(value => (float?)value)]);

    /// <summary>The columns of answers given one by one, e.g. by a hand-written <see cref="IPredictor"/>; a score it leaves out stays unknown.</summary>
    public static PredictionColumns From(ModelCard card, IReadOnlyList<Prediction> predictions)
    {
        var classes = card.Output.Classes ?? [];
        var scores = new float[predictions.Count * classes.Count];
        var known = new bool[scores.Length];
        for (var row = 0; row < predictions.Count; row++)
        {
            for (var index = 0; index < classes.Count; index++)
            {
                if (predictions[row].Scores is { } map && map.TryGetValue(classes[index], out var score))
                {
                    scores[row * classes.Count + index] = score;
                    known[row * classes.Count + index] = true;
                }
            }
        }

        return new(card, predictions.Count, [.. predictions.Select(prediction => prediction.Label)], scores, known,
            [.. predictions.Select(prediction => prediction.Value)]);
    }

    public string? Label(int row) => labels?[row];

    public float? Value(int row) => values?[row];

    /// <summary>The score of class <paramref name="index"/> (in the card's order) for the row, when the model gave one.</summary>
    public bool TryGetScore(int row, int index, out float score)
    {
        var cell = row * classes.Length + index;
        score = scores is null ? 0 : scores[cell];
        return scores is not null && (scoreKnown is null || scoreKnown[cell]);
    }

    public IReadOnlyList<Prediction> ToPredictions()
    {
        var predictions = new Prediction[Count];
        for (var row = 0; row < Count; row++)
        {
            predictions[row] = this[row];
        }

        return predictions;
    }

    private Dictionary<string, float> ScoreMap(int row)
    {
        var map = new Dictionary<string, float>(classes.Length, StringComparer.Ordinal);
        for (var index = 0; index < classes.Length; index++)
        {
            if (TryGetScore(row, index, out var score))
            {
                map[classes[index]] = score;
            }
        }

        return map;
    }
}
