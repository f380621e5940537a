using MlApp.Model;

using MlApp.Model.Card;
namespace MlApp.Tests.Unit.Model;

[Trait("Category", "Unit")]
public sealed class ModelCardTests
{
    [Fact]
    public void Demo_card_describes_inputs_output_metrics_and_data()
    {
        var card = ModelCardJson.Load(Path.Combine(TestModels.PenguinsFolder, ModelFolder.CardFileName));

        Assert.Equal("penguins", card.Name);
        Assert.Equal(ModelTask.Classification, card.Task);
        Assert.Equal(["island", "bill_length_mm", "bill_depth_mm", "flipper_length_mm", "body_mass_g", "sex"], card.Inputs.Select(field => field.Name));
        Assert.Equal([FieldType.Category, FieldType.Number, FieldType.Number, FieldType.Integer, FieldType.Integer, FieldType.Category], card.Inputs.Select(field => field.Type));
        Assert.All(card.Inputs, field => Assert.NotNull(field.Example));
        Assert.Equal(["Adelie", "Chinstrap", "Gentoo"], card.Output.Classes);
        Assert.Equal(["accuracy", "macro_f1", "log_loss"], card.Metrics.Select(metric => metric.Name));
        Assert.Equal("CC0-1.0", card.Dataset!.Licence);
        Assert.Equal(OnnxInputMode.Columns, card.Onnx.InputMode);
        Assert.InRange(new FileInfo(Path.Combine(TestModels.PenguinsFolder, ModelFolder.OnnxFileName)).Length, 1, 1024 * 1024);
    }

    [Fact]
    public void Card_survives_a_round_trip_through_JSON()
    {
        var json = File.ReadAllText(Path.Combine(TestModels.CoolingFolder, ModelFolder.CardFileName));

        Assert.Equal(json, ModelCardJson.Serialize(ModelCardJson.Parse(json, "cooling")));
    }

    [Fact]
    public void Misspelled_property_is_refused_by_name()
    {
        var json = File.ReadAllText(Path.Combine(TestModels.CoolingFolder, ModelFolder.CardFileName)).Replace("\"minimum\"", "\"minimun\"");

        var error = Assert.Throws<ModelLoadException>(() => ModelCardJson.Parse(json, "my-card.json"));

        Assert.StartsWith("The model card 'my-card.json' is not valid: ", error.Message);
        Assert.Contains("'minimun'", error.Message);
    }

    [Fact]
    public void Unknown_task_is_refused_with_its_path()
    {
        var json = File.ReadAllText(Path.Combine(TestModels.CoolingFolder, ModelFolder.CardFileName)).Replace("\"regression\"", "\"clustering\"");

        var error = Assert.Throws<ModelLoadException>(() => ModelCardJson.Parse(json, "my-card.json"));

        Assert.Contains("$.task", error.Message);
    }

    [Fact]
    public void Card_without_its_onnx_section_names_the_missing_property()
    {
        var json = File.ReadAllText(Path.Combine(TestModels.CoolingFolder, ModelFolder.CardFileName));
        var withoutOnnx = json[..json.IndexOf(",\n  \"onnx\"", StringComparison.Ordinal)] + "\n}";

        var error = Assert.Throws<ModelLoadException>(() => ModelCardJson.Parse(withoutOnnx, "my-card.json"));

        Assert.StartsWith("The model card 'my-card.json' is not valid: ", error.Message);
        Assert.Contains("missing required properties including: 'onnx'", error.Message);
    }

    [Fact]
    public void Every_inconsistency_in_a_card_is_listed()
    {
        var card = TestModels.PenguinsCard with
        {
            Version = "",
            Inputs =
            [
                TestModels.PenguinsCard.Inputs[0] with { Categories = [] },
                TestModels.PenguinsCard.Inputs[1] with { Minimum = 70, Maximum = 60, Example = 65 },
                TestModels.PenguinsCard.Inputs[1],
                TestModels.PenguinsCard.Inputs[5] with { Example = "UNKNOWN" },
            ],
            Output = TestModels.PenguinsCard.Output with { Classes = ["Adelie"] },
        };

        Assert.Equal(
            [
                "version is empty.",
                "input 'bill_length_mm' is declared 2 times.",
                "input 'island' is a category but lists no categories.",
                "input 'island' has an example that the schema refuses: Field 'island' is 'Torgersen', which is not one of the allowed values: .",
                "input 'bill_length_mm' has minimum 70 above maximum 60.",
                "input 'bill_length_mm' has an example that the schema refuses: Field 'bill_length_mm' is 65, outside the allowed range 70 to 60 mm.",
                "input 'sex' has an example that the schema refuses: Field 'sex' is 'UNKNOWN', which is not one of the allowed values: FEMALE, MALE.",
                "output.classes needs at least two class labels for a classification model.",
            ],
            ModelCardValidator.Validate(card));
    }

    [Fact]
    public void Categories_are_not_allowed_in_the_tensor_input_mode()
    {
        var card = TestModels.PenguinsCard with { Onnx = TestModels.PenguinsCard.Onnx with { InputMode = OnnxInputMode.Tensor } };

        Assert.Equal(
            [
                "input 'island' is a category, but the tensor input mode takes numbers only: use the columns mode, or encode the category as numbers.",
                "input 'sex' is a category, but the tensor input mode takes numbers only: use the columns mode, or encode the category as numbers.",
            ],
            ModelCardValidator.Validate(card));
    }
}
