using Microsoft.Extensions.Configuration;
using MlApp.Aws;

namespace MlApp.Tests.Unit.Aws;

[Trait("Category", "Unit")]
public sealed class AwsServiceEndpointTests
{
    [Fact]
    public void Without_an_endpoint_variable_the_public_regional_endpoint_is_used()
    {
        var endpoint = AwsServiceEndpoint.Resolve(Settings(("AWS_REGION", "eu-west-1")), "LAMBDA", "lambda");

        Assert.Equal(new Uri("https://lambda.eu-west-1.amazonaws.com/"), endpoint.Url);
        Assert.Equal("eu-west-1", endpoint.Region.SystemName);
        Assert.Equal("lambda", endpoint.SigningName);
    }

    [Fact]
    public void The_services_own_endpoint_variable_wins_over_the_global_one()
    {
        var endpoint = AwsServiceEndpoint.Resolve(
            Settings(("AWS_REGION", "us-east-1"), ("AWS_ENDPOINT_URL", "http://127.0.0.1:1000"), ("AWS_ENDPOINT_URL_ECS", "http://127.0.0.1:2000/")),
            "ECS",
            "ecs");

        Assert.Equal(new Uri("http://127.0.0.1:2000/"), endpoint.Url);
    }

    [Fact]
    public void The_global_endpoint_variable_applies_when_the_service_has_none()
    {
        var endpoint = AwsServiceEndpoint.Resolve(Settings(("AWS_DEFAULT_REGION", "us-west-2"), ("AWS_ENDPOINT_URL", "http://127.0.0.1:1000")), "ECS", "ecs");

        Assert.Equal(new Uri("http://127.0.0.1:1000/"), endpoint.Url);
        Assert.Equal("us-west-2", endpoint.Region.SystemName);
    }

    private static IConfiguration Settings(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(value => KeyValuePair.Create(value.Key, (string?)value.Value))).Build();
}
