namespace MlApp.Model.Training.Cooling;

/// <summary>ML.NET's regression output.</summary>
internal sealed class CoolingPrediction
{
    public float Score { get; set; }
}
