using MlApp.Model;

using MlApp.Model.Card;
using MlApp.Model.Features;
using MlApp.Model.Onnx;
namespace MlApp.Tests.Unit.Model;

[Trait("Category", "Unit")]
public sealed class PredictorTests
{
    [Fact]
    public void Classifier_gives_a_label_and_a_probability_per_class()
    {
        var prediction = TestModels.Penguins.Predict(TestModels.Adelie());

        Assert.Equal("Adelie", prediction.Label);
        Assert.Null(prediction.Value);
        Assert.Equal(["Adelie", "Chinstrap", "Gentoo"], prediction.Scores!.Keys);
        Assert.Equal(1.0, prediction.Scores.Values.Sum(), 4);
        Assert.Equal(prediction.Scores.MaxBy(score => score.Value).Key, prediction.Label);
    }

    [Fact]
    public void Regression_gives_a_value_and_no_label()
    {
        var prediction = TestModels.Cooling.Predict(FeatureRow.Of(("outdoor_temp_c", 30.5), ("floor_area_m2", 150), ("occupants", 12)));

        Assert.Null(prediction.Label);
        Assert.Null(prediction.Scores);

        // The synthetic data's own formula, without its noise: 0.35 * (30.5 - 18) + 0.045 * 150 + 0.1 * 12 = 12.325 kW.
        Assert.InRange(prediction.Value!.Value, 11.3f, 13.3f);
    }

    [Fact]
    public void Batch_gives_the_single_row_labels_and_scores_to_float_precision()
    {
        var reader = new JsonFeatureReader(TestModels.PenguinsCard);
        var rows = HeldOutAsset.Load("penguins-heldout.json").Rows.Select(row => reader.Read(row.Input).Value!).ToList();

        var batch = TestModels.Penguins.PredictBatch(rows);

        Assert.Equal(rows.Count, batch.Count);
        for (var index = 0; index < rows.Count; index++)
        {
            var single = TestModels.Penguins.Predict(rows[index]);
            Assert.Equal(single.Label, batch[index].Label);
            Assert.Equal(single.Scores!.Keys, batch[index].Scores!.Keys);
            Assert.All(single.Scores, score => AssertClose(score.Value, batch[index].Scores![score.Key]));
        }
    }

    [Fact]
    public void Batch_gives_the_single_row_values_to_float_precision_in_the_tensor_input_mode()
    {
        var reader = new JsonFeatureReader(TestModels.Cooling.Card);
        var rows = HeldOutAsset.Load("cooling-heldout.json").Rows.Select(row => reader.Read(row.Input).Value!).ToList();

        var batch = TestModels.Cooling.PredictBatch(rows);

        Assert.Equal(rows.Count, batch.Count);
        for (var index = 0; index < rows.Count; index++)
        {
            AssertClose(TestModels.Cooling.Predict(rows[index]).Value!.Value, batch[index].Value!.Value);
        }
    }

    [Fact]
    public void Parallel_predictions_equal_sequential_ones()
    {
        var reader = new JsonFeatureReader(TestModels.PenguinsCard);
        var heldOut = HeldOutAsset.Load("penguins-heldout.json").Rows.Select(row => reader.Read(row.Input).Value!).ToList();
        var rows = Enumerable.Range(0, 1_000).Select(index => heldOut[index % heldOut.Count]).ToList();
        var sequential = rows.Select(TestModels.Penguins.Predict).ToList();

        var parallel = new Prediction[rows.Count];
        Parallel.For(0, rows.Count, new ParallelOptions { MaxDegreeOfParallelism = 8 }, index => parallel[index] = TestModels.Penguins.Predict(rows[index]));

        for (var index = 0; index < rows.Count; index++)
        {
            AssertSame(sequential[index], parallel[index]);
        }
    }

    [Fact]
    public void Without_a_label_output_the_label_is_the_class_with_the_highest_score()
    {
        using var folder = TempModelFolder.CopyOf(TestModels.PenguinsFolder);
        var card = TestModels.PenguinsCard with { Onnx = TestModels.PenguinsCard.Onnx with { Outputs = new OnnxOutputNames { Scores = "Score.output" } } };
        File.WriteAllText(folder.PathOf("model.json"), ModelCardJson.Serialize(card));
        using var scoresOnly = OnnxPredictor.Load(folder.Path);
        var reader = new JsonFeatureReader(card);
        var rows = HeldOutAsset.Load("penguins-heldout.json").Rows.Select(row => reader.Read(row.Input).Value!).ToList();

        Assert.Equal(TestModels.Penguins.PredictBatch(rows).Select(p => p.Label), scoresOnly.PredictBatch(rows).Select(p => p.Label));
    }

    [Fact]
    public void Labels_that_are_the_cards_classes_are_its_own_strings_so_a_chunk_costs_no_string_per_row()
    {
        var rows = Enumerable.Range(0, 2048).Select(_ => TestModels.Adelie()).ToList();
        var columns = FeatureColumns.From(TestModels.PenguinsCard, rows);
        TestModels.Penguins.PredictColumns(columns);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var predictions = TestModels.Penguins.PredictColumns(columns);
        var bytesPerRow = (GC.GetAllocatedBytesForCurrentThread() - before) / (double)rows.Count;

        Assert.All(Enumerable.Range(0, rows.Count), row => Assert.Same(TestModels.PenguinsCard.Output.Classes![0], predictions.Label(row)));

        // What is left per row: its four numbers as floats for the graph, its three scores, its label's reference (36
        // bytes). A new label string per row added about 40 more.
        Assert.InRange(bytesPerRow, 0, 48);
    }

    [Fact]
    public void Empty_batch_gives_no_predictions()
    {
        Assert.Empty(TestModels.Penguins.PredictBatch([]));
    }

    [Fact]
    public void Hand_built_row_without_a_required_field_is_refused_with_its_name()
    {
        var row = FeatureRow.Of(TestModels.Adelie().Where(pair => pair.Key != "sex").Select(pair => (pair.Key, pair.Value)).ToArray());

        var error = Assert.Throws<ArgumentException>(() => TestModels.Penguins.PredictBatch([TestModels.Adelie(), row]));

        Assert.StartsWith("Row 1: the required field 'sex' is missing.", error.Message);
    }

    [Fact]
    public void Hand_built_row_with_a_value_of_the_wrong_kind_is_refused_with_its_name()
    {
        var row = FeatureRow.Of(TestModels.Adelie().Select(pair => (pair.Key, pair.Key == "body_mass_g" ? (FeatureValue)"heavy" : pair.Value)).ToArray());

        var error = Assert.Throws<ArgumentException>(() => TestModels.Penguins.Predict(row));

        Assert.StartsWith("Row 0: field 'body_mass_g' must be a number, but is the text 'heavy'.", error.Message);
    }

    /// <summary>
    /// ONNX Runtime multiplies a batch with other kernels than a single row, which sum in another order: the results
    /// agree to float precision, not always to the last bit.
    /// </summary>
    private static void AssertClose(float expected, float actual) =>
        Assert.InRange(Math.Abs(expected - actual), 0, 1e-6 * Math.Max(1, Math.Abs(expected)));

    private static void AssertSame(Prediction expected, Prediction actual)
    {
        Assert.Equal(expected.Label, actual.Label);
        Assert.Equal(expected.Value, actual.Value);
        Assert.Equal(expected.Scores?.ToList(), actual.Scores?.ToList());
    }
}
