using System.Text.Json;
using System.Text.Json.Serialization;

namespace MlApp.Aws.Ecs;

/// <summary>
/// ECS's JSON protocol sends timestamps as epoch seconds with a fraction (<c>1700000000.123</c> or <c>1.700000000123E9</c>),
/// not as ISO strings. Milliseconds are kept; that is all ECS gives.
/// </summary>
public sealed class EpochSecondsConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Round(reader.GetDouble() * 1000));

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteNumberValue(value.ToUnixTimeMilliseconds() / 1000m);
}
