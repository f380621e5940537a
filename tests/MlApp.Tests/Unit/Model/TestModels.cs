using MlApp.Model;

using MlApp.Model.Card;
using MlApp.Model.Features;
using MlApp.Model.Onnx;
namespace MlApp.Tests.Unit.Model;

/// <summary>The two models the tests use, each loaded once per test run (loading is the slow part), and their files.</summary>
internal static class TestModels
{
    private static readonly Lazy<OnnxPredictor> LazyPenguins = new(() => OnnxPredictor.Load(PenguinsFolder));
    private static readonly Lazy<OnnxPredictor> LazyCooling = new(() => OnnxPredictor.Load(CoolingFolder));

    /// <summary>The demo model, copied next to every app (and this test assembly) by the MlApp.Model build.</summary>
    public static string PenguinsFolder => ModelFolder.DefaultPath;

    /// <summary>The second model: a regression in the tensor input mode, made by the same training command.</summary>
    public static string CoolingFolder => Asset("cooling");

    public static OnnxPredictor Penguins => LazyPenguins.Value;

    public static OnnxPredictor Cooling => LazyCooling.Value;

    public static ModelCard PenguinsCard => Penguins.Card;

    public static string Asset(string name) => Path.Combine(AppContext.BaseDirectory, "Assets", name);

    /// <summary>The first row of the data set, a male Adelie from Torgersen.</summary>
    public static FeatureRow Adelie() => FeatureRow.Of(
        ("island", "Torgersen"),
        ("bill_length_mm", 39.1),
        ("bill_depth_mm", 18.7),
        ("flipper_length_mm", 181),
        ("body_mass_g", 3750),
        ("sex", "MALE"));
}
