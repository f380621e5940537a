using System.Text.Json;

using MlApp.Model.Features;
namespace MlApp.Tests.Unit.Model;

[Trait("Category", "Unit")]
public sealed class JsonFeatureReaderTests
{
    private const string Valid = """
        {"island": "Torgersen", "bill_length_mm": 39.1, "bill_depth_mm": 18.7, "flipper_length_mm": 181, "body_mass_g": 3750, "sex": "MALE"}
        """;

    private static readonly JsonFeatureReader Reader = new(TestModels.PenguinsCard);

    [Fact]
    public void Valid_object_becomes_a_row_with_every_field()
    {
        var result = Read(Valid);

        Assert.True(result.IsValid);
        Assert.Empty(result.Errors);
        Assert.Equal("Torgersen", result.Value["island"].Category);
        Assert.Equal(39.1, result.Value["bill_length_mm"].Number);
        Assert.Equal(181, result.Value["flipper_length_mm"].Number);
        Assert.Equal(6, result.Value.Count);
    }

    [Fact]
    public void Missing_field_is_reported_by_name()
    {
        AssertSingleError(Without("sex"), "sex", FieldProblem.Missing, "Field 'sex' is missing; it is required.");
    }

    [Fact]
    public void Unknown_field_is_reported_with_the_model_inputs()
    {
        AssertSingleError(With("colour", "\"black\""), "colour", FieldProblem.Unknown,
            "Field 'colour' is not an input of this model; the inputs are: island, bill_length_mm, bill_depth_mm, flipper_length_mm, body_mass_g, sex.");
    }

    [Fact]
    public void String_for_a_number_is_a_wrong_type()
    {
        AssertSingleError(With("bill_length_mm", "\"39.1\""), "bill_length_mm", FieldProblem.WrongType,
            "Field 'bill_length_mm' must be a number, but got a string.");
    }

    [Fact]
    public void Number_for_a_category_is_a_wrong_type_that_lists_the_categories()
    {
        AssertSingleError(With("island", "3"), "island", FieldProblem.WrongType,
            "Field 'island' must be a string (Biscoe, Dream or Torgersen), but got a number.");
    }

    [Fact]
    public void Boolean_for_a_whole_number_is_a_wrong_type()
    {
        AssertSingleError(With("body_mass_g", "true"), "body_mass_g", FieldProblem.WrongType,
            "Field 'body_mass_g' must be a whole number, but got a boolean.");
    }

    [Fact]
    public void NaN_is_refused()
    {
        AssertSingleError(With("bill_depth_mm", "\"NaN\""), "bill_depth_mm", FieldProblem.NotANumber,
            "Field 'bill_depth_mm' is NaN; it must be a finite number.");
    }

    [Theory]
    [InlineData("\"Infinity\"", "Infinity")]
    [InlineData("\"-Infinity\"", "-Infinity")]
    [InlineData("1e999", "Infinity")]
    [InlineData("-1e999", "-Infinity")]
    public void Infinity_is_refused(string json, string shown)
    {
        AssertSingleError(With("bill_depth_mm", json), "bill_depth_mm", FieldProblem.Infinite,
            $"Field 'bill_depth_mm' is {shown}; it must be a finite number.");
    }

    [Fact]
    public void Number_out_of_range_names_the_allowed_range_and_unit()
    {
        AssertSingleError(With("bill_length_mm", "120"), "bill_length_mm", FieldProblem.OutOfRange,
            "Field 'bill_length_mm' is 120, outside the allowed range 25 to 65 mm.");
    }

    [Fact]
    public void Fraction_for_a_whole_number_is_refused()
    {
        AssertSingleError(With("flipper_length_mm", "181.5"), "flipper_length_mm", FieldProblem.NotWhole,
            "Field 'flipper_length_mm' is 181.5; it must be a whole number.");
    }

    [Fact]
    public void Whole_number_written_with_a_decimal_point_is_accepted()
    {
        Assert.True(Read(With("flipper_length_mm", "181.0")).IsValid);
    }

    [Fact]
    public void Unknown_category_lists_the_allowed_ones()
    {
        AssertSingleError(With("island", "\"Atlantis\""), "island", FieldProblem.UnknownCategory,
            "Field 'island' is 'Atlantis', which is not one of the allowed values: Biscoe, Dream, Torgersen.");
    }

    [Fact]
    public void Categories_are_case_sensitive_like_the_graph()
    {
        AssertSingleError(With("sex", "\"male\""), "sex", FieldProblem.UnknownCategory,
            "Field 'sex' is 'male', which is not one of the allowed values: FEMALE, MALE.");
    }

    [Fact]
    public void Null_for_a_required_field_is_refused()
    {
        AssertSingleError(With("sex", "null"), "sex", FieldProblem.Null, "Field 'sex' is null; it is required.");
    }

    [Fact]
    public void Field_given_twice_is_refused()
    {
        AssertSingleError(Valid.Replace("\"sex\": \"MALE\"", "\"sex\": \"MALE\", \"sex\": \"FEMALE\""), "sex", FieldProblem.Duplicate,
            "Field 'sex' is given more than once.");
    }

    [Fact]
    public void Input_that_is_not_an_object_is_refused()
    {
        AssertSingleError($"[{Valid}]", "", FieldProblem.NotAnObject,
            "The input must be a JSON object with one property per field, but got an array.");
    }

    [Fact]
    public void Every_error_in_an_input_is_listed()
    {
        var result = Read("""{"island": "Atlantis", "bill_length_mm": "long", "bill_depth_mm": 99, "flipper_length_mm": 181, "sex": null, "age": 3}""");

        Assert.False(result.IsValid);
        Assert.Equal(
            [
                "Field 'island' is 'Atlantis', which is not one of the allowed values: Biscoe, Dream, Torgersen.",
                "Field 'bill_length_mm' must be a number, but got a string.",
                "Field 'bill_depth_mm' is 99, outside the allowed range 12 to 22.5 mm.",
                "Field 'sex' is null; it is required.",
                "Field 'age' is not an input of this model; the inputs are: island, bill_length_mm, bill_depth_mm, flipper_length_mm, body_mass_g, sex.",
                "Field 'body_mass_g' is missing; it is required.",
            ],
            result.Errors.Select(error => error.Message));
        Assert.Equal(["island", "bill_length_mm", "bill_depth_mm", "sex", "age", "body_mass_g"], result.Errors.Select(error => error.Field));
    }

    [Fact]
    public void Optional_field_may_be_left_out_or_null()
    {
        var card = TestModels.PenguinsCard with
        {
            Inputs = [.. TestModels.PenguinsCard.Inputs.Select(field => field.Name == "sex" ? field with { Required = false } : field)],
        };
        var reader = new JsonFeatureReader(card);

        var absent = reader.Read(JsonDocument.Parse(Without("sex")).RootElement);
        var nulled = reader.Read(JsonDocument.Parse(With("sex", "null")).RootElement);

        Assert.True(absent.IsValid);
        Assert.False(absent.Value.ContainsKey("sex"));
        Assert.True(nulled.IsValid);
        Assert.False(nulled.Value.ContainsKey("sex"));
    }

    [Fact]
    public void Limits_without_a_maximum_say_which_side_was_crossed()
    {
        var card = TestModels.PenguinsCard with
        {
            Inputs = [.. TestModels.PenguinsCard.Inputs.Select(field => field.Name == "body_mass_g" ? field with { Maximum = null } : field)],
        };

        var result = new JsonFeatureReader(card).Read(JsonDocument.Parse(With("body_mass_g", "1000")).RootElement);

        Assert.Equal("Field 'body_mass_g' is 1000, below the allowed minimum 2000 g.", Assert.Single(result.Errors).Message);
    }

    private static ReadResult<FeatureRow> Read(string json) => Reader.Read(JsonDocument.Parse(json).RootElement);

    private static void AssertSingleError(string json, string field, FieldProblem problem, string message)
    {
        var result = Read(json);

        Assert.False(result.IsValid);
        Assert.Null(result.Value);
        var error = Assert.Single(result.Errors);
        Assert.Equal(message, error.Message);
        Assert.Equal(field, error.Field);
        Assert.Equal(problem, error.Problem);
    }

    /// <summary>The valid input with one property replaced (or added) by raw JSON.</summary>
    private static string With(string name, string json)
    {
        var properties = JsonDocument.Parse(Valid).RootElement.EnumerateObject()
            .Select(property => property.Name == name ? $"\"{name}\": {json}" : $"\"{property.Name}\": {property.Value.GetRawText()}")
            .ToList();
        if (!properties.Any(property => property.StartsWith($"\"{name}\":", StringComparison.Ordinal)))
        {
            properties.Add($"\"{name}\": {json}");
        }

        return "{" + string.Join(", ", properties) + "}";
    }

    private static string Without(string name) =>
        "{" + string.Join(", ", JsonDocument.Parse(Valid).RootElement.EnumerateObject()
            .Where(property => property.Name != name)
            .Select(property => $"\"{property.Name}\": {property.Value.GetRawText()}")) + "}";
}
