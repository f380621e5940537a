using Microsoft.ML.Data;

namespace MlApp.Model.Training.Penguins;

/// <summary>A complete row of the data set: the features and the species to learn.</summary>
internal sealed class PenguinRecord : PenguinFeatures
{
    [ColumnName("species")]
    public string Species { get; set; } = "";
}
