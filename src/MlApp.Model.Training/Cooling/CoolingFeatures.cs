using Microsoft.ML.Data;

namespace MlApp.Model.Training.Cooling;

/// <summary>The features alone: the shape of the exported graph's only input.</summary>
internal sealed class CoolingFeatures
{
    [VectorType(3)]
    public float[] Features { get; set; } = [];
}
