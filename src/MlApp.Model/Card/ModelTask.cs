using System.Text.Json.Serialization;

namespace MlApp.Model.Card;

/// <summary>What the model predicts: a class label with scores, or one number.</summary>
public enum ModelTask
{
    [JsonStringEnumMemberName("classification")]
    Classification,

    [JsonStringEnumMemberName("regression")]
    Regression,
}
