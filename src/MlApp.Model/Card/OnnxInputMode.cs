using System.Text.Json.Serialization;

namespace MlApp.Model.Card;

/// <summary>How the schema's fields become the graph's inputs.</summary>
public enum OnnxInputMode
{
    /// <summary>One input per field, shape [-1,1], float for numbers and string for categories: ML.NET's export style.</summary>
    [JsonStringEnumMemberName("columns")]
    Columns,

    /// <summary>One float input of shape [-1,k] with the fields in schema order: scikit-learn's and PyTorch's style. Numbers only.</summary>
    [JsonStringEnumMemberName("tensor")]
    Tensor,
}
