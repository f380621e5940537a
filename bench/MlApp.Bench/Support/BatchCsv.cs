using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

using MlApp.Model.Card;
namespace MlApp.Bench;

/// <summary>Batch inputs made from the model's card: valid rows, the same for every run, as UTF-8 CSV with a header.</summary>
internal static class BatchCsv
{
    /// <summary>Distinct rows; longer files repeat them, which changes nothing for a model that sees one row at a time.</summary>
    private const int DistinctRows = 1_000;

    public static byte[] Create(ModelCard card, int rows)
    {
        var lines = BenchPayloads.SampleRows(card, DistinctRows, seed: 7)
            .Select(row => string.Join(',', card.Inputs.Select(field => Cell(row[field.Name]!))))
            .ToArray();
        var text = new StringBuilder(string.Join(',', card.Inputs.Select(field => field.Name))).Append('\n');
        for (var row = 0; row < rows; row++)
        {
            text.Append(lines[row % lines.Length]).Append('\n');
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private static string Cell(JsonNode value) => value.GetValueKind() == System.Text.Json.JsonValueKind.String
        ? value.GetValue<string>()
        : value.GetValue<double>().ToString("R", CultureInfo.InvariantCulture);
}
