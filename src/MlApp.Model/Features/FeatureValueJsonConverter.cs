using System.Text.Json;
using System.Text.Json.Serialization;

namespace MlApp.Model.Features;

/// <summary>Writes a feature value as a bare JSON number or string, the way people write examples in a card.</summary>
internal sealed class FeatureValueJsonConverter : JsonConverter<FeatureValue>
{
    public override FeatureValue Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.Number => FeatureValue.FromNumber(reader.GetDouble()),
        JsonTokenType.String => FeatureValue.FromCategory(reader.GetString()!),
        _ => throw new JsonException($"A feature value is a number or a string, not {reader.TokenType}."),
    };

    public override void Write(Utf8JsonWriter writer, FeatureValue value, JsonSerializerOptions options)
    {
        if (value.IsCategory)
        {
            writer.WriteStringValue(value.Category);
        }
        else
        {
            writer.WriteNumberValue(value.Number);
        }
    }
}
