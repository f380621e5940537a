using MlApp.Model;

using MlApp.Model.Card;
using MlApp.Model.Onnx;
namespace MlApp.Tests.Unit.Model;

/// <summary>A model that can't be served fails at load with a message that says what to fix.</summary>
[Trait("Category", "Unit")]
public sealed class BrokenModelTests
{
    [Fact]
    public void Missing_folder_is_named()
    {
        var folder = Path.Combine(Path.GetTempPath(), "no-such-model-" + Guid.NewGuid().ToString("N"));

        var error = Assert.Throws<ModelLoadException>(() => OnnxPredictor.Load(folder));

        Assert.Equal($"The model folder '{folder}' does not exist. Set Model:Path (env Model__Path) to a folder with model.onnx and model.json.", error.Message);
    }

    [Fact]
    public void Folder_without_the_graph_names_the_missing_file()
    {
        using var folder = TempModelFolder.CopyOf(TestModels.PenguinsFolder);
        File.Delete(folder.PathOf("model.onnx"));

        var error = Assert.Throws<ModelLoadException>(() => OnnxPredictor.Load(folder.Path));

        Assert.Equal($"The model folder '{folder.Path}' has no model.onnx; a model folder holds model.onnx and model.json.", error.Message);
    }

    [Fact]
    public void Empty_folder_names_both_missing_files()
    {
        using var folder = new TempModelFolder();

        var error = Assert.Throws<ModelLoadException>(() => OnnxPredictor.Load(folder.Path));

        Assert.StartsWith($"The model folder '{folder.Path}' has no model.onnx and no model.json;", error.Message);
    }

    [Fact]
    public void Graph_that_is_not_ONNX_is_reported_with_its_path()
    {
        using var folder = TempModelFolder.CopyOf(TestModels.PenguinsFolder);
        File.WriteAllText(folder.PathOf("model.onnx"), "not a model");

        var error = Assert.Throws<ModelLoadException>(() => OnnxPredictor.Load(folder.Path));

        Assert.StartsWith($"ONNX Runtime could not load '{folder.PathOf("model.onnx")}': ", error.Message);
    }

    [Fact]
    public void Card_that_is_not_JSON_is_reported_with_its_path()
    {
        using var folder = TempModelFolder.CopyOf(TestModels.PenguinsFolder);
        File.WriteAllText(folder.PathOf("model.json"), "{ \"name\": ");

        var error = Assert.Throws<ModelLoadException>(() => OnnxPredictor.Load(folder.Path));

        Assert.StartsWith($"The model card '{folder.PathOf("model.json")}' is not valid: ", error.Message);
    }

    [Fact]
    public void Card_that_does_not_match_the_graph_lists_every_mismatch()
    {
        using var folder = TempModelFolder.CopyOf(TestModels.PenguinsFolder);
        var card = ModelCardJson.Parse(File.ReadAllText(folder.PathOf("model.json")), "penguins");
        card = card with
        {
            Inputs = [.. card.Inputs.Select(field => field.Name == "bill_length_mm" ? field with { Name = "bill_mm" } : field)],
            Onnx = card.Onnx with { Outputs = card.Onnx.Outputs with { Scores = "Probabilities" } },
        };
        File.WriteAllText(folder.PathOf("model.json"), ModelCardJson.Serialize(card));

        var error = Assert.Throws<ModelLoadException>(() => OnnxPredictor.Load(folder.Path));

        Assert.Equal(
            $"""
            The card of model 'penguins' does not match its graph in '{folder.Path}':
             - input field 'bill_mm' has no graph input of that name; the graph's inputs are: island, bill_length_mm, bill_depth_mm, flipper_length_mm, body_mass_g, sex.
             - graph input 'bill_length_mm' has no input field in the card, and every graph input must be fed (was the label exported as an input? export the features only).
             - onnx.outputs.scores 'Probabilities' is not a graph output; the graph's outputs are: PredictedLabel.output, Score.output, mlnet.Score.unusedOutput.
            """.ReplaceLineEndings("\n"),
            error.Message);
    }

    [Fact]
    public void Card_with_the_wrong_input_mode_for_its_graph_is_refused()
    {
        using var folder = TempModelFolder.CopyOf(TestModels.CoolingFolder);
        var card = ModelCardJson.Parse(File.ReadAllText(folder.PathOf("model.json")), "cooling");
        File.WriteAllText(folder.PathOf("model.json"), ModelCardJson.Serialize(card with { Onnx = card.Onnx with { InputMode = OnnxInputMode.Columns, Input = null } }));

        var error = Assert.Throws<ModelLoadException>(() => OnnxPredictor.Load(folder.Path));

        Assert.Contains(" - input field 'outdoor_temp_c' has no graph input of that name; the graph's inputs are: Features.", error.Message);
        Assert.Contains(" - graph input 'Features' has no input field in the card", error.Message);
    }

    [Fact]
    public void Tensor_card_with_the_wrong_number_of_fields_names_the_expected_shape()
    {
        using var folder = TempModelFolder.CopyOf(TestModels.CoolingFolder);
        var card = ModelCardJson.Parse(File.ReadAllText(folder.PathOf("model.json")), "cooling");
        File.WriteAllText(folder.PathOf("model.json"), ModelCardJson.Serialize(card with { Inputs = card.Inputs.Take(2).ToList() }));

        var error = Assert.Throws<ModelLoadException>(() => OnnxPredictor.Load(folder.Path));

        Assert.EndsWith("\n - graph input 'Features' is float[-1,3], but the card's 2 input fields need float[-1,2] in the tensor mode.", error.Message);
    }

    [Fact]
    public void Windows_copy_of_ONNX_Runtime_is_not_in_the_output()
    {
        Assert.False(File.Exists(Path.Combine(AppContext.BaseDirectory, "onnxruntime.dll")));
        Assert.False(File.Exists(Path.Combine(AppContext.BaseDirectory, "onnxruntime_providers_shared.dll")));
    }
}
