using Microsoft.ML.Data;

using MlApp.Model.Features;
namespace MlApp.Model.Training.Penguins;

/// <summary>The model's inputs. Its columns, and nothing else, become the ONNX graph's inputs, so their names are the card's field names.</summary>
internal class PenguinFeatures
{
    [ColumnName("island")]
    public string Island { get; set; } = "";

    [ColumnName("bill_length_mm")]
    public float BillLengthMm { get; set; }

    [ColumnName("bill_depth_mm")]
    public float BillDepthMm { get; set; }

    [ColumnName("flipper_length_mm")]
    public float FlipperLengthMm { get; set; }

    [ColumnName("body_mass_g")]
    public float BodyMassG { get; set; }

    [ColumnName("sex")]
    public string Sex { get; set; } = "";

    public FeatureRow ToRow() => FeatureRow.Of(
        ("island", Island),
        ("bill_length_mm", Exact(BillLengthMm)),
        ("bill_depth_mm", Exact(BillDepthMm)),
        ("flipper_length_mm", Exact(FlipperLengthMm)),
        ("body_mass_g", Exact(BodyMassG)),
        ("sex", Sex));

    /// <summary>39.1f as the double 39.1 (not 39.09999847...), so files show the data as it was written.</summary>
    internal static double Exact(float value) => double.Parse(value.ToString("R", System.Globalization.CultureInfo.InvariantCulture), System.Globalization.CultureInfo.InvariantCulture);
}
