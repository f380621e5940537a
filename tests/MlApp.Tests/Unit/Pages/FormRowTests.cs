using MlApp.Tests.Unit.Model;
using MlApp.Web.Predictions;

using MlApp.Model.Features;
namespace MlApp.Tests.Unit.Pages;

[Trait("Category", "Unit")]
public sealed class FormRowTests
{
    private static readonly JsonFeatureReader Reader = new(TestModels.PenguinsCard);

    private static Dictionary<string, string?> Adelie() => new()
    {
        ["island"] = "Torgersen",
        ["bill_length_mm"] = " 39.1 ",
        ["bill_depth_mm"] = "18.7",
        ["flipper_length_mm"] = "181",
        ["body_mass_g"] = "3750",
        ["sex"] = "MALE",
    };

    [Fact]
    public void Form_text_becomes_the_row_the_api_would_read()
    {
        var parsed = FormRow.Read(Adelie(), Reader);

        Assert.Empty(parsed.Errors);
        var row = Reader.Read(parsed.Row!.Value);
        Assert.True(row.IsValid);
        Assert.Equal(39.1, row.Value["bill_length_mm"].Number);
        Assert.Equal("Torgersen", row.Value["island"].Category);
    }

    [Fact]
    public void Text_that_is_not_a_number_gets_one_clear_message_and_no_missing_field_message()
    {
        var form = Adelie();
        form["bill_length_mm"] = "abc";

        var parsed = FormRow.Read(form, Reader);

        Assert.Null(parsed.Row);
        Assert.Equal("'abc' is not a number. Enter a number such as 39.1.", Assert.Single(parsed.Errors).Value);
    }

    [Fact]
    public void Infinity_and_NaN_typed_into_a_number_box_are_refused()
    {
        foreach (var text in new[] { "Infinity", "NaN", "1e400" })
        {
            var form = Adelie();
            form["body_mass_g"] = text;

            Assert.Contains("is not a number", FormRow.Read(form, Reader).Errors["body_mass_g"]);
        }
    }

    [Fact]
    public void Empty_fields_out_of_range_values_and_unknown_categories_get_the_api_messages_per_field()
    {
        var form = Adelie();
        form["sex"] = "";
        form["bill_depth_mm"] = "99";
        form["island"] = "Mars";
        form["flipper_length_mm"] = "181.5";

        var errors = FormRow.Read(form, Reader).Errors;

        Assert.Equal(["bill_depth_mm", "flipper_length_mm", "island", "sex"], errors.Keys.Order());
        Assert.Contains("missing", errors["sex"]);
        Assert.Contains("outside the allowed range 12 to 22.5 mm", errors["bill_depth_mm"]);
        Assert.Contains("whole number", errors["flipper_length_mm"]);
        Assert.Contains("Biscoe, Dream, Torgersen", errors["island"]);
    }
}
