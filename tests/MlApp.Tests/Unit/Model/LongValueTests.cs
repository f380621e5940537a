using System.Text.Json;

using MlApp.Model.Features;
namespace MlApp.Tests.Unit.Model;

/// <summary>A huge value or field name is refused with a short message that still says what it was: no megabyte echoed back.</summary>
[Trait("Category", "Unit")]
public sealed class LongValueTests
{
    private static readonly JsonFeatureReader Reader = new(TestModels.PenguinsCard);

    private static readonly string Megabyte = new('x', 1024 * 1024);

    [Fact]
    public void A_megabyte_category_is_named_by_its_start_and_its_length()
    {
        var input = JsonSerializer.SerializeToElement(new Dictionary<string, object>
        {
            ["island"] = Megabyte, ["bill_length_mm"] = 39.1, ["bill_depth_mm"] = 18.7, ["flipper_length_mm"] = 181, ["body_mass_g"] = 3750, ["sex"] = "MALE",
        });

        var error = Assert.Single(Reader.Read(input).Errors);

        Assert.Equal("island", error.Field);
        Assert.Contains("(1048576 characters)", error.Message);
        Assert.True(error.Message.Length < 300, $"the message is {error.Message.Length} characters");
    }

    [Fact]
    public void A_megabyte_field_name_is_reported_short_in_the_key_and_the_message()
    {
        var input = JsonSerializer.SerializeToElement(new Dictionary<string, object> { [Megabyte] = 1 });

        var unknown = Reader.Read(input).Errors.Single(error => error.Problem == FieldProblem.Unknown);

        Assert.True(unknown.Field.Length < 100 && unknown.Message.Length < 400);
        Assert.Contains("(1048576 characters)", unknown.Field);
    }

    [Fact]
    public void A_megabyte_csv_cell_in_a_number_column_is_named_by_its_start_and_its_length()
    {
        var reader = CsvFeatureReader.Create(TestModels.PenguinsCard, ["island", "bill_length_mm", "bill_depth_mm", "flipper_length_mm", "body_mass_g", "sex"]).Value!;

        var row = reader.Read(["Torgersen", Megabyte, "18.7", "181", "3750", "MALE"]);

        Assert.Contains("(1048576 characters)", row.ErrorText);
        Assert.True(row.ErrorText.Length < 300);
    }
}
