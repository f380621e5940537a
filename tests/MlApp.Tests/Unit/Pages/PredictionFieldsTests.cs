using Bunit;
using MlApp.Model;
using MlApp.Tests.Unit.Model;
using MlApp.Web.Components.Shared;

using MlApp.Model.Card;
namespace MlApp.Tests.Unit.Pages;

/// <summary>The prediction form is drawn from the model card, whatever the model: the demo classifier or the cooling regression.</summary>
[Trait("Category", "Unit")]
public sealed class PredictionFieldsTests : BunitContext
{
    private static ModelCard Cooling => ModelCardJson.Load(Path.Combine(TestModels.CoolingFolder, ModelFolder.CardFileName));

    [Fact]
    public void Every_input_of_the_card_gets_a_labelled_control_in_the_card_order()
    {
        foreach (var card in new[] { TestModels.PenguinsCard, Cooling })
        {
            var form = Render<PredictionFields>(parameters => parameters.Add(component => component.Card, card));

            var controls = form.FindAll("input, select");
            Assert.Equal(card.Inputs.Select(field => field.Name), controls.Select(control => control.GetAttribute("name")));
            foreach (var control in controls)
            {
                Assert.Single(form.FindAll($"label[for='{control.Id}']"));
            }
        }
    }

    [Fact]
    public void A_number_field_carries_its_range_step_and_example_and_a_category_field_offers_exactly_its_categories()
    {
        var form = Render<PredictionFields>(parameters => parameters.Add(component => component.Card, TestModels.PenguinsCard));

        var flipper = form.Find("input[name='flipper_length_mm']");
        Assert.Equal(("number", "165", "240", "1", "181"), (flipper.GetAttribute("type"), flipper.GetAttribute("min"), flipper.GetAttribute("max"), flipper.GetAttribute("step"), flipper.GetAttribute("data-example")));
        Assert.Equal("any", form.Find("input[name='bill_length_mm']").GetAttribute("step"));
        var island = form.FindAll("select[name='island'] option").Select(option => option.GetAttribute("value")).ToList();
        Assert.Equal(["", "Biscoe", "Dream", "Torgersen"], island);
        Assert.Contains("165 to 240 mm", form.Find("#input-flipper_length_mm-hint").TextContent);
        Assert.Equal("Flipper length (mm)", form.Find("label[for='input-flipper_length_mm']").TextContent);
    }

    [Fact]
    public void An_error_is_shown_next_to_its_field_and_marks_only_that_field_invalid()
    {
        var form = Render<PredictionFields>(parameters => parameters
            .Add(component => component.Card, TestModels.PenguinsCard)
            .Add(component => component.Values, new Dictionary<string, string?> { ["bill_depth_mm"] = "99", ["sex"] = "MALE" })
            .Add(component => component.Errors, new Dictionary<string, string> { ["bill_depth_mm"] = "Too deep." }));

        var depth = form.Find("input[name='bill_depth_mm']");
        Assert.Equal("true", depth.GetAttribute("aria-invalid"));
        Assert.Equal("99", depth.GetAttribute("value"));
        Assert.Contains("input-bill_depth_mm-error", depth.GetAttribute("aria-describedby"));
        Assert.Equal("Too deep.", form.Find("#input-bill_depth_mm-error").TextContent);
        Assert.Single(form.FindAll("[aria-invalid]"));
        Assert.True(form.Find("select[name='sex'] option[value='MALE']").HasAttribute("selected"));
    }
}
