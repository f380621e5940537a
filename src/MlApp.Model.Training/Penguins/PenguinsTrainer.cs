using System.Text.Json;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using Microsoft.ML.Transforms;

using MlApp.Model.Card;
using MlApp.Model.Training.Shared;
namespace MlApp.Model.Training.Penguins;

/// <summary>
/// Species of Palmer penguins: one-hot island and sex plus min-max normalised measurements into a multiclass
/// logistic regression (SDCA maximum entropy, one thread, so every run gives the same model).
/// </summary>
internal static class PenguinsTrainer
{
    private const string Version = "1.0.0";

    public static string Train(TrainingArguments arguments)
    {
        var dataPath = arguments.Data ?? PenguinsCsv.DefaultPath;
        var (rows, dropped) = PenguinsCsv.Read(dataPath);
        Console.WriteLine($"Read {rows.Count + dropped} rows from {dataPath}; dropped {dropped} with a missing value; {rows.Count} remain.");

        var ml = new MLContext(seed: TrainingArguments.Seed);
        var (train, heldOut) = HeldOutSplit.Split(rows);

        // The label's mapping is fitted on its own, so the exported chain below needs (and the graph takes) features only.
        var labelMap = ml.Transforms.Conversion.MapValueToKey("Label", "species", keyOrdinality: ValueToKeyMappingEstimator.KeyOrdinality.ByValue)
            .Fit(ml.Data.LoadFromEnumerable(train));
        var pipeline = ml.Transforms.Categorical.OneHotEncoding([new("island_onehot", "island"), new("sex_onehot", "sex")])
            .Append(ml.Transforms.Concatenate("Features", "island_onehot", "sex_onehot", "bill_length_mm", "bill_depth_mm", "flipper_length_mm", "body_mass_g"))
            .Append(ml.Transforms.NormalizeMinMax("Features"))
            .Append(ml.MulticlassClassification.Trainers.SdcaMaximumEntropy(new SdcaMaximumEntropyMulticlassTrainer.Options
            {
                LabelColumnName = "Label",
                FeatureColumnName = "Features",
                NumberOfThreads = 1,
            }))
            .Append(ml.Transforms.Conversion.MapKeyToValue("PredictedLabel"));
        Console.WriteLine("Training...");
        var model = pipeline.Fit(labelMap.Transform(ml.Data.LoadFromEnumerable(train)));

        var scored = model.Transform(labelMap.Transform(ml.Data.LoadFromEnumerable(heldOut)));
        var classes = SlotNames(scored.Schema["Score"]);
        var predictions = ml.Data.CreateEnumerable<PenguinPrediction>(scored, reuseRowObject: false).ToList();
        var (accuracy, macroF1, logLoss) = ClassificationMetrics.Measure(
            [.. heldOut.Select(row => row.Species)], [.. predictions.Select(p => p.PredictedLabel)], [.. predictions.Select(p => p.Score)], classes);

        var featuresOnly = ml.Data.LoadFromEnumerable<PenguinFeatures>(rows);
        var size = OnnxExport.Write(ml, model, featuresOnly, arguments.Output, "PredictedLabel", "Score");
        var splitText = HeldOutSplit.Describe(heldOut.Count, rows.Count);
        var dataset = $"Palmer Penguins ({rows.Count} complete rows)";
        OnnxExport.WriteCard(Card(rows, classes, [
            Fields.Metric("accuracy", accuracy, dataset, splitText),
            Fields.Metric("macro_f1", macroF1, dataset, splitText),
            Fields.Metric("log_loss", logLoss, dataset, splitText),
        ]), arguments.Output);

        var set = new HeldOutSet("penguins", splitText, classes, [.. heldOut.Select((row, index) => new HeldOutRow(
            row.ToRow().ToDictionary(), JsonSerializer.SerializeToElement(row.Species), predictions[index].PredictedLabel, predictions[index].Score))]);
        var difference = ExportCheck.Compare(arguments.Output, set);
        HeldOutFile.Write(arguments.HeldOut, set);
        return $"penguins: accuracy={accuracy:F4} macro_f1={macroF1:F4} log_loss={logLoss:F4} on {heldOut.Count} held-out rows; "
            + $"model.onnx {size} bytes; max |score difference| ONNX Runtime vs ML.NET {difference:E2}; written to {Path.GetFullPath(arguments.Output)}";
    }

    private static ModelCard Card(List<PenguinRecord> rows, IReadOnlyList<string> classes, IReadOnlyList<EvaluationMetric> metrics)
    {
        var example = rows[0];
        return new ModelCard
        {
            Name = "penguins",
            Version = Version,
            Description = "Predicts the species of a penguin of the Palmer Archipelago (Antarctica) from the island it was seen on, "
                + "its bill, flipper and body mass, and its sex. Demo model: multiclass logistic regression (ML.NET SDCA maximum entropy) "
                + "on one-hot island and sex and min-max normalised measurements.",
            Task = ModelTask.Classification,
            Inputs =
            [
                Fields.Category("island", "Island where the penguin was observed.", rows.Select(row => row.Island), example.Island),
                Fields.Number("bill_length_mm", "Bill (culmen) length, from the tip to the base.", "mm", Values(rows, row => row.BillLengthMm), PenguinFeatures.Exact(example.BillLengthMm)),
                Fields.Number("bill_depth_mm", "Bill (culmen) depth at the base.", "mm", Values(rows, row => row.BillDepthMm), PenguinFeatures.Exact(example.BillDepthMm)),
                Fields.Number("flipper_length_mm", "Flipper length.", "mm", Values(rows, row => row.FlipperLengthMm), PenguinFeatures.Exact(example.FlipperLengthMm)),
                Fields.Number("body_mass_g", "Body mass.", "g", Values(rows, row => row.BodyMassG), PenguinFeatures.Exact(example.BodyMassG)),
                Fields.Category("sex", "Sex, as recorded by the field team.", rows.Select(row => row.Sex), example.Sex),
            ],
            Output = new ModelOutput { Name = "species", Description = "Penguin species.", Classes = classes },
            Metrics = metrics,
            Dataset = new DatasetInfo
            {
                Name = "Palmer Penguins",
                Licence = "CC0-1.0",
                Citation = "Horst AM, Hill AP, Gorman KB (2020). palmerpenguins: Palmer Archipelago (Antarctica) penguin data. "
                    + "R package version 0.1.0. doi:10.5281/zenodo.3960218. Data collected by Dr. Kristen Gorman and Palmer Station Antarctica LTER.",
                Url = "https://github.com/allisonhorst/palmerpenguins",
            },
            Onnx = new OnnxBinding
            {
                InputMode = OnnxInputMode.Columns,
                Outputs = new OnnxOutputNames { Label = "PredictedLabel.output", Scores = "Score.output" },
            },
        };
    }

    private static List<double> Values(List<PenguinRecord> rows, Func<PenguinRecord, float> value) =>
        [.. rows.Select(row => PenguinFeatures.Exact(value(row)))];

    private static List<string> SlotNames(DataViewSchema.Column column)
    {
        VBuffer<ReadOnlyMemory<char>> names = default;
        column.GetSlotNames(ref names);
        return [.. names.DenseValues().Select(name => name.ToString())];
    }
}
