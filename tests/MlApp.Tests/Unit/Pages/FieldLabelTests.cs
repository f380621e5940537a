using MlApp.Web.ModelInfo;

using MlApp.Model.Card;
namespace MlApp.Tests.Unit.Pages;

[Trait("Category", "Unit")]
public sealed class FieldLabelTests
{
    private static InputField Field(string name, string? unit = null, double? minimum = null, double? maximum = null, FieldType type = FieldType.Number) =>
        new() { Name = name, Type = type, Unit = unit, Minimum = minimum, Maximum = maximum };

    [Theory]
    [InlineData("bill_length_mm", "mm", "Bill length (mm)")]
    [InlineData("outdoor_temp_c", "°C", "Outdoor temp c (°C)")]
    [InlineData("body-mass", null, "Body mass")]
    [InlineData("_", null, "_")]
    public void A_schema_name_reads_as_a_label_with_its_unit_once(string name, string? unit, string label) =>
        Assert.Equal(label, FieldLabel.For(Field(name, unit)));

    [Fact]
    public void The_allowed_values_say_the_range_or_the_categories()
    {
        Assert.Equal("25 to 65 mm", FieldLabel.Allowed(Field("x", "mm", 25, 65)));
        Assert.Equal("At least 0", FieldLabel.Allowed(Field("x", minimum: 0)));
        Assert.Equal("At most 1.5 kg", FieldLabel.Allowed(Field("x", "kg", maximum: 1.5)));
        Assert.Equal("A whole number", FieldLabel.Allowed(Field("x", type: FieldType.Integer)));
        Assert.Equal("One of a, b", FieldLabel.Allowed(new InputField { Name = "x", Type = FieldType.Category, Categories = ["a", "b"] }));
    }
}
