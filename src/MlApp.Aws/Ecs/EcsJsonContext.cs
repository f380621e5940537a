using System.Text.Json.Serialization;

namespace MlApp.Aws.Ecs;

/// <summary>
/// The ECS messages, serialized as ECS spells them (camelCase, absent rather than null), without reflection so the
/// client stays trim- and AOT-safe. The local ECS emulator speaks through the same shapes.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [typeof(EpochSecondsConverter)])]
[JsonSerializable(typeof(RunTaskRequest))]
[JsonSerializable(typeof(RunTaskResponse))]
[JsonSerializable(typeof(DescribeTasksRequest))]
[JsonSerializable(typeof(DescribeTasksResponse))]
[JsonSerializable(typeof(StopTaskRequest))]
[JsonSerializable(typeof(StopTaskResponse))]
[JsonSerializable(typeof(ListTasksRequest))]
[JsonSerializable(typeof(ListTasksResponse))]
public sealed partial class EcsJsonContext : JsonSerializerContext;
