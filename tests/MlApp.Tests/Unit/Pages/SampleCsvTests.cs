using MlApp.Model;
using MlApp.Tests.Unit.Batch;
using MlApp.Tests.Unit.Model;
using MlApp.Web.ModelInfo;

using MlApp.Model.Card;
using MlApp.Model.Features;
namespace MlApp.Tests.Unit.Pages;

[Trait("Category", "Unit")]
public sealed class SampleCsvTests
{
    public static TheoryData<string> Cards => new() { TestModels.PenguinsFolder, TestModels.CoolingFolder };

    [Theory]
    [MemberData(nameof(Cards))]
    public void The_sample_has_the_card_inputs_as_header_and_every_row_passes_the_batch_reader(string folder)
    {
        var card = ModelCardJson.Load(Path.Combine(folder, ModelFolder.CardFileName));

        var lines = SampleCsv.For(card).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(card.Inputs.Select(field => field.Name), lines[0].Split(','));
        Assert.Equal(SampleCsv.Rows, lines.Length - 1);
        var reader = CsvFeatureReader.Create(card, lines[0].Split(',')).Value!;
        foreach (var line in lines.Skip(1))
        {
            var row = reader.Read(line.Split(','));
            Assert.True(row.IsValid, $"'{line}': {(row.IsValid ? "" : row.ErrorText)}");
        }
    }

    [Fact]
    public void The_first_sample_row_is_the_card_example()
    {
        var lines = SampleCsv.For(TestModels.PenguinsCard).Split('\n');

        Assert.Equal(string.Join(',', PenguinCsv.Header), lines[0]);
        Assert.Equal("Torgersen,39.1,18.7,181,3750,MALE", lines[1]);
    }
}
