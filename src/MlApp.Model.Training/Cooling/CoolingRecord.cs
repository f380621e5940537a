using Microsoft.ML.Data;

namespace MlApp.Model.Training.Cooling;

/// <summary>One synthetic building: its three features as one vector (which exports as a single [-1,3] input) and its cooling load.</summary>
internal sealed class CoolingRecord
{
    [VectorType(3)]
    public float[] Features { get; set; } = [];

    public float Label { get; set; }
}
