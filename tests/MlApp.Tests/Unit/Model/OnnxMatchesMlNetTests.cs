
using MlApp.Model.Features;
namespace MlApp.Tests.Unit.Model;

/// <summary>The exported graphs predict what ML.NET itself predicted on the rows it never trained on.</summary>
[Trait("Category", "Unit")]
public sealed class OnnxMatchesMlNetTests
{
    private const double Tolerance = 1e-5;

    [Fact]
    public void Penguins_graph_gives_MLNET_labels_and_scores_on_every_held_out_row()
    {
        var heldOut = HeldOutAsset.Load("penguins-heldout.json");
        var reader = new JsonFeatureReader(TestModels.PenguinsCard);
        Assert.Equal(TestModels.PenguinsCard.Output.Classes, heldOut.Classes);
        Assert.Equal(67, heldOut.Rows.Count);

        var maxDifference = 0.0;
        foreach (var row in heldOut.Rows)
        {
            var input = reader.Read(row.Input);
            Assert.True(input.IsValid, input.ErrorText);
            var prediction = TestModels.Penguins.Predict(input.Value);

            Assert.Equal(row.Label, prediction.Label);
            for (var index = 0; index < heldOut.Classes.Count; index++)
            {
                maxDifference = Math.Max(maxDifference, Math.Abs(row.Scores![index] - prediction.Scores![heldOut.Classes[index]]));
            }
        }

        Assert.InRange(maxDifference, 0, Tolerance);
    }

    [Fact]
    public void Cooling_graph_gives_MLNET_values_on_every_held_out_row()
    {
        var heldOut = HeldOutAsset.Load("cooling-heldout.json");
        var reader = new JsonFeatureReader(TestModels.Cooling.Card);
        Assert.Equal(80, heldOut.Rows.Count);

        foreach (var row in heldOut.Rows)
        {
            var input = reader.Read(row.Input);
            Assert.True(input.IsValid, input.ErrorText);
            var value = TestModels.Cooling.Predict(input.Value).Value!.Value;
            Assert.InRange(Math.Abs(value - row.Value!.Value), 0, Tolerance * Math.Max(1, Math.Abs(row.Value.Value)));
        }
    }
}
