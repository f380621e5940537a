using System.Text.Json.Serialization;

namespace MlApp.Model.Card;

/// <summary>The kind of value an input field takes. Integers are numbers that must be whole; both reach the graph as float.</summary>
public enum FieldType
{
    [JsonStringEnumMemberName("number")]
    Number,

    [JsonStringEnumMemberName("integer")]
    Integer,

    [JsonStringEnumMemberName("category")]
    Category,
}
