using System.Globalization;
using System.Text;
using MlApp.Model;

using MlApp.Model.Card;
using MlApp.Model.Features;
namespace MlApp.Tests.Unit.Batch;

/// <summary>
/// What a result file must hold, computed without the worker's code: the same predictor over the same rows (batched
/// per chunk of input rows, as the worker batches them), formatted by this simple RFC 4180 formatter.
/// </summary>
internal static class ExpectedResult
{
    public static string Text(IPredictor predictor, IReadOnlyList<string> header, IEnumerable<string[]> rows, int chunkRows) =>
        string.Concat(Chunks(predictor, header, rows, chunkRows));

    /// <summary>The header line, then the text of each chunk of <paramref name="chunkRows"/> rows, so large results are compared piece by piece.</summary>
    public static IEnumerable<string> Chunks(IPredictor predictor, IReadOnlyList<string> header, IEnumerable<string[]> rows, int chunkRows)
    {
        var card = predictor.Card;
        var classes = card.Output.Classes ?? [];
        var predictionColumns = card.Task == ModelTask.Classification
            ? [card.Output.Name, .. classes.Select(name => "score_" + name)]
            : new[] { card.Output.Name };
        yield return Line([.. header, .. predictionColumns, "error"]);

        var reader = CsvFeatureReader.Create(card, header).Value!;
        foreach (var chunk in rows.Chunk(chunkRows))
        {
            var read = chunk.Select(reader.Read).ToList();
            var predictions = new Queue<Prediction>(predictor.PredictBatch(read.Where(result => result.IsValid).Select(result => result.Value!).ToList()));
            var text = new StringBuilder();
            for (var i = 0; i < chunk.Length; i++)
            {
                var input = Enumerable.Range(0, header.Count).Select(column => column < chunk[i].Length ? chunk[i][column] : "");
                string[] cells = read[i].IsValid
                    ? [.. input, .. Predicted(card, predictions.Dequeue()), ""]
                    : [.. input, .. predictionColumns.Select(_ => ""), read[i].ErrorText];
                text.Append(Line(cells));
            }

            yield return text.ToString();
        }
    }

    private static IEnumerable<string> Predicted(ModelCard card, Prediction prediction) => card.Task == ModelTask.Classification
        ? [prediction.Label!, .. (card.Output.Classes ?? []).Select(name => prediction.Scores![name].ToString("R", CultureInfo.InvariantCulture))]
        : [prediction.Value!.Value.ToString("R", CultureInfo.InvariantCulture)];

    private static string Line(IEnumerable<string> cells) => string.Join(',', cells.Select(Quote)) + "\r\n";

    private static string Quote(string cell) => cell.IndexOfAny([',', '"', '\r', '\n']) < 0 ? cell : "\"" + cell.Replace("\"", "\"\"") + "\"";
}
