using System.Text;
using MlApp.Model;
using MlApp.Model.Card;
using MlApp.Model.Features;

namespace MlApp.Tests.Unit.Model;

/// <summary>
/// The batch worker's fast path (UTF-8 cells straight into columns) must give what <see cref="CsvFeatureReader.Read"/>
/// gives, or leave the row to it: these rows are read both ways and compared.
/// </summary>
[Trait("Category", "Unit")]
public sealed class FeatureColumnsTests
{
    private static readonly string[] Header = ["island", "bill_length_mm", "bill_depth_mm", "flipper_length_mm", "body_mass_g", "sex"];

    /// <summary>The penguins' card with bill_depth_mm and sex optional, so that absent values are covered too.</summary>
    private static readonly ModelCard Card = TestModels.PenguinsCard with
    {
        Inputs = [.. TestModels.PenguinsCard.Inputs.Select(field => field.Name is "bill_depth_mm" or "sex" ? field with { Required = false } : field)],
    };

    public static TheoryData<string> ValidRecords => new()
    {
        "Torgersen,39.1,18.7,181,3750,MALE",
        "Biscoe,25,12,165,2000,FEMALE",
        "Dream,6.5e1,2.25E1,240,7000,MALE",
        "Dream,+39.10,18.70,181.0,3750,FEMALE",
        "Torgersen,39.1,,181,3750,",
        "Torgersen,.5e2,22.5,200,4000,MALE",
    };

    public static TheoryData<string> RecordsForRead => new()
    {
        " Torgersen,39.1,18.7,181,3750,MALE",
        "Torgersen,39.1 ,18.7,181,3750,MALE",
        "Torgersen,39.1,18.7,181,3750,MALE\t",
        "Torgersen,３９.1,18.7,181,3750,MALE",
        "Torgersén,39.1,18.7,181,3750,MALE",
        "Atlantis,39.1,18.7,181,3750,MALE",
        "torgersen,39.1,18.7,181,3750,MALE",
        "Torgersen,39,1,18.7,181,3750,MALE",
        "Torgersen,39.1,18.7,181,3750",
        "Torgersen,thirty,18.7,181,3750,MALE",
        "Torgersen,NaN,18.7,181,3750,MALE",
        "Torgersen,Infinity,18.7,181,3750,MALE",
        "Torgersen,1e400,18.7,181,3750,MALE",
        "Torgersen,99,18.7,181,3750,MALE",
        "Torgersen,39.1,18.7,181.5,3750,MALE",
        ",39.1,18.7,181,3750,MALE",
        "Torgersen,39.1,18.7,,3750,MALE",
    };

    [Theory]
    [MemberData(nameof(ValidRecords))]
    public void A_valid_ASCII_row_goes_straight_into_the_columns_with_the_values_Read_gives(string record)
    {
        var reader = Reader();
        var columns = new FeatureColumns(Card, 4);

        Assert.True(TryAdd(reader, record, columns));

        var read = reader.Read(record.Split(','));
        Assert.True(read.IsValid, read.ErrorText);
        Assert.Equal(Describe(read.Value), Describe(Assert.Single(columns.ToRows())));
    }

    [Theory]
    [MemberData(nameof(RecordsForRead))]
    public void A_row_with_anything_to_trim_decode_or_refuse_is_left_to_Read(string record)
    {
        var columns = new FeatureColumns(Card, 4);

        Assert.False(TryAdd(Reader(), record, columns));
        Assert.Equal(0, columns.Count);
    }

    [Fact]
    public void Rows_and_their_columns_predict_alike_and_a_predictor_without_columns_still_gets_them()
    {
        var rows = new[] { TestModels.Adelie(), TestModels.Adelie() };
        var columns = FeatureColumns.From(TestModels.PenguinsCard, rows);
        IPredictor rowsOnly = new RowsOnlyPredictor(TestModels.Penguins);

        var fromRows = TestModels.Penguins.PredictBatch(rows);
        var fromColumns = TestModels.Penguins.PredictColumns(columns).ToPredictions();
        var throughRows = rowsOnly.PredictColumns(columns).ToPredictions();

        Assert.Equal(fromRows.Select(Describe), fromColumns.Select(Describe));
        Assert.Equal(fromRows.Select(Describe), throughRows.Select(Describe));
    }

    [Fact]
    public void Cleared_columns_take_rows_from_the_start_again_and_hold_only_the_new_ones()
    {
        var reader = Reader();
        var columns = new FeatureColumns(Card, 2);
        Assert.True(TryAdd(reader, "Torgersen,39.1,18.7,181,3750,MALE", columns));
        Assert.True(TryAdd(reader, "Biscoe,25,12,165,2000,FEMALE", columns));

        columns.Clear();
        Assert.Equal(0, columns.Count);
        Assert.True(TryAdd(reader, "Dream,40,,200,4000,", columns));

        var read = reader.Read("Dream,40,,200,4000,".Split(','));
        Assert.Equal(Describe(read.Value!), Describe(Assert.Single(columns.ToRows())));
        Assert.Equal([40.0], columns.Numbers(1).ToArray());
    }

    [Fact]
    public void A_hand_built_row_without_a_required_field_is_refused_with_its_index()
    {
        var columns = new FeatureColumns(TestModels.PenguinsCard, 2);
        columns.Add(TestModels.Adelie());

        var error = Assert.Throws<ArgumentException>(() => columns.Add(FeatureRow.Of(("island", "Biscoe"))));

        Assert.StartsWith("Row 1: the required field 'bill_length_mm' is missing.", error.Message);
        Assert.Equal(1, columns.Count);
    }

    [Fact]
    public void Columns_hold_at_most_their_capacity()
    {
        var columns = new FeatureColumns(TestModels.PenguinsCard, 1);
        columns.Add(TestModels.Adelie());

        Assert.Throws<InvalidOperationException>(() => columns.Add(TestModels.Adelie()));
    }

    private static CsvFeatureReader Reader() => CsvFeatureReader.Create(Card, Header).Value!;

    /// <summary>The record's cells as the worker's chunk holds them: UTF-8, one byte apart, with where each ends.</summary>
    private static bool TryAdd(CsvFeatureReader reader, string record, FeatureColumns columns)
    {
        var cells = record.Split(',');
        var ends = new int[cells.Length];
        var end = -1;
        for (var i = 0; i < cells.Length; i++)
        {
            end += 1 + Encoding.UTF8.GetByteCount(cells[i]);
            ends[i] = end;
        }

        return reader.TryAdd(Encoding.UTF8.GetBytes(record), ends, columns);
    }

    private static string Describe(FeatureRow row) => string.Join(", ", row.OrderBy(pair => pair.Key, StringComparer.Ordinal).Select(pair => $"{pair.Key}={pair.Value}"));

    private static string Describe(Prediction prediction) =>
        $"{prediction.Label} {string.Join(" ", (prediction.Scores ?? new Dictionary<string, float>()).Select(pair => $"{pair.Key}={pair.Value:R}"))}";

    /// <summary>A predictor that implements rows only, as one written before columns existed would.</summary>
    private sealed class RowsOnlyPredictor(IPredictor inner) : IPredictor
    {
        public ModelCard Card => inner.Card;

        public Prediction Predict(FeatureRow row) => inner.Predict(row);

        public IReadOnlyList<Prediction> PredictBatch(IReadOnlyList<FeatureRow> rows) => inner.PredictBatch(rows);
    }
}
