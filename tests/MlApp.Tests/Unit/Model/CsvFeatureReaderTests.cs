using System.Globalization;

using MlApp.Model.Features;
namespace MlApp.Tests.Unit.Model;

[Trait("Category", "Unit")]
public sealed class CsvFeatureReaderTests
{
    private static readonly string[] Header = ["island", "bill_length_mm", "bill_depth_mm", "flipper_length_mm", "body_mass_g", "sex"];

    private static readonly string[] Adelie = ["Torgersen", "39.1", "18.7", "181", "3750", "MALE"];

    [Fact]
    public void Valid_cells_become_a_row()
    {
        var row = Reader().Read(Adelie);

        Assert.True(row.IsValid);
        Assert.Equal(39.1, row.Value["bill_length_mm"].Number);
        Assert.Equal("MALE", row.Value["sex"].Category);
    }

    [Fact]
    public void Rows_read_from_CSV_predict_like_rows_read_from_JSON()
    {
        var fromCsv = TestModels.Penguins.Predict(Reader().Read(Adelie).Value!);
        var fromCode = TestModels.Penguins.Predict(TestModels.Adelie());

        Assert.Equal(fromCode.Label, fromCsv.Label);
        Assert.Equal(fromCode.Scores!.ToList(), fromCsv.Scores!.ToList());
    }

    [Fact]
    public void Numbers_are_read_with_the_invariant_culture_whatever_the_current_culture()
    {
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
        try
        {
            Assert.Equal(39.1, Reader().Read(Adelie).Value!["bill_length_mm"].Number);
            var comma = Reader().Read(Replace(Adelie, 1, "39,1"));
            Assert.Equal("Field 'bill_length_mm' must be a number, but got '39,1'.", Assert.Single(comma.Errors).Message);
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void Cells_and_header_names_are_trimmed_and_a_byte_order_mark_is_ignored()
    {
        string[] header = ["\uFEFF island ", .. Header[1..]];
        var reader = CsvFeatureReader.Create(TestModels.PenguinsCard, header).Value!;

        var row = reader.Read(Replace(Replace(Adelie, 0, " Torgersen "), 1, " 39.1 "));

        Assert.True(row.IsValid, row.ErrorText);
        Assert.Equal("Torgersen", row.Value["island"].Category);
    }

    [Fact]
    public void Header_errors_list_every_missing_unknown_and_repeated_column()
    {
        var result = CsvFeatureReader.Create(TestModels.PenguinsCard, ["island", "island", "bill_length_mm", "weight", "sex"]);

        Assert.False(result.IsValid);
        Assert.Equal(
            [
                "Field 'island' is given more than once.",
                "Field 'weight' is not an input of this model; the inputs are: island, bill_length_mm, bill_depth_mm, flipper_length_mm, body_mass_g, sex.",
                "Field 'bill_depth_mm' is missing; it is required.",
                "Field 'flipper_length_mm' is missing; it is required.",
                "Field 'body_mass_g' is missing; it is required.",
            ],
            result.Errors.Select(error => error.Message));
    }

    [Fact]
    public void Unknown_columns_can_be_passed_through()
    {
        var reader = CsvFeatureReader.Create(TestModels.PenguinsCard, ["id", .. Header], ignoreUnknownColumns: true).Value!;

        var row = reader.Read(["penguin-17", .. Adelie]);

        Assert.Equal(["id"], reader.IgnoredColumns);
        Assert.True(row.IsValid);
        Assert.False(row.Value.ContainsKey("id"));
    }

    [Fact]
    public void Every_bad_cell_in_a_row_is_listed()
    {
        var row = Reader().Read(["Atlantis", "NaN", "Infinity", "181.5", "99999", ""]);

        Assert.False(row.IsValid);
        Assert.Equal(
            [
                "Field 'island' is 'Atlantis', which is not one of the allowed values: Biscoe, Dream, Torgersen.",
                "Field 'bill_length_mm' is NaN; it must be a finite number.",
                "Field 'bill_depth_mm' is Infinity; it must be a finite number.",
                "Field 'flipper_length_mm' is 181.5; it must be a whole number.",
                "Field 'body_mass_g' is 99999, outside the allowed range 2000 to 7000 g.",
                "Field 'sex' is empty; it is required.",
            ],
            row.Errors.Select(error => error.Message));
        Assert.Equal(
            [FieldProblem.UnknownCategory, FieldProblem.NotANumber, FieldProblem.Infinite, FieldProblem.NotWhole, FieldProblem.OutOfRange, FieldProblem.Null],
            row.Errors.Select(error => error.Problem));
    }

    [Fact]
    public void Text_in_a_number_column_is_a_wrong_type()
    {
        var row = Reader().Read(Replace(Adelie, 4, "heavy"));

        var error = Assert.Single(row.Errors);
        Assert.Equal("Field 'body_mass_g' must be a whole number, but got 'heavy'.", error.Message);
        Assert.Equal(FieldProblem.WrongType, error.Problem);
    }

    [Fact]
    public void Row_with_the_wrong_number_of_cells_is_refused_as_a_whole()
    {
        var row = Reader().Read(Adelie[..5]);

        var error = Assert.Single(row.Errors);
        Assert.Equal("The row has 5 cells, but the header has 6 columns.", error.Message);
        Assert.Equal("", error.Field);
    }

    [Fact]
    public void Errors_join_into_one_line_for_an_error_column()
    {
        var row = Reader().Read(Replace(Replace(Adelie, 0, "Atlantis"), 5, ""));

        Assert.Equal(
            "Field 'island' is 'Atlantis', which is not one of the allowed values: Biscoe, Dream, Torgersen. Field 'sex' is empty; it is required.",
            row.ErrorText);
    }

    private static CsvFeatureReader Reader() => CsvFeatureReader.Create(TestModels.PenguinsCard, Header).Value!;

    private static string[] Replace(string[] cells, int index, string value)
    {
        var copy = cells.ToArray();
        copy[index] = value;
        return copy;
    }
}
