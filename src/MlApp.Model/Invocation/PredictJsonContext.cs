using System.Text.Json.Serialization;

namespace MlApp.Model.Invocation;

/// <summary>The envelopes between web and function, source-generated so the function can be compiled ahead of time.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    RespectNullableAnnotations = true)]
[JsonSerializable(typeof(PredictRequest))]
[JsonSerializable(typeof(PredictResponse))]
public sealed partial class PredictJsonContext : JsonSerializerContext;
