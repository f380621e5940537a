using MlApp.Aws;
using System.Text.Json;
using MlApp.Aws.Ecs;

namespace MlApp.Tests.Unit.Ecs;

/// <summary>The small rules of ECS's JSON: epoch-second timestamps and error type names.</summary>
[Trait("Category", "Unit")]
public sealed class EcsWireFormatTests
{
    [Theory]
    [InlineData("1700000000.123")]
    [InlineData("1.700000000123E9")]
    public void Timestamps_are_read_from_epoch_seconds_in_either_notation(string number)
    {
        var task = JsonSerializer.Deserialize($"{{\"createdAt\":{number}}}", EcsJsonContext.Default.EcsTask)!;

        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_123), task.CreatedAt);
    }

    [Fact]
    public void Timestamps_are_written_as_epoch_seconds_numbers_and_nulls_are_left_out()
    {
        var json = JsonSerializer.Serialize(new EcsTask { CreatedAt = DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_500) }, EcsJsonContext.Default.EcsTask);

        Assert.Equal("{\"createdAt\":1700000000.5,\"containers\":[]}", json);
    }

    [Theory]
    [InlineData("ClientException", "ClientException")]
    [InlineData("com.amazonaws.ecs#ClusterNotFoundException", "ClusterNotFoundException")]
    [InlineData("ThrottlingException:http://internal.amazon.com/coral/", "ThrottlingException")]
    [InlineData("", null)]
    public void Error_types_are_named_without_namespace_or_url(string wire, string? expected)
    {
        Assert.Equal(expected, AwsErrorBody.ShortName(wire));
    }
}
