namespace MlApp.Tests.Deployment;

[Collection(DeploymentCollection.Name)]
[Trait("Category", "Deployment")]
public sealed class NetworkTemplateTests(SynthesizedStacks stacks)
{
    [Fact]
    public void There_is_no_NAT_gateway_in_any_variant()
    {
        foreach (var template in new[] { stacks.Default, stacks.Gpu, stacks.Custom })
        {
            Assert.Empty(template.OfType("AWS::EC2::NatGateway"));
            Assert.Empty(template.OfType("AWS::EC2::EIP"));
        }
    }

    [Fact]
    public void The_VPC_has_two_public_subnets_and_nothing_else()
    {
        var subnets = stacks.Default.OfType("AWS::EC2::Subnet").Select(subnet => subnet.Resource["Properties"]!).ToList();

        Assert.Equal(2, subnets.Count);
        Assert.All(subnets, subnet => Assert.True((bool)subnet["MapPublicIpOnLaunch"]!));
        Assert.All(subnets, subnet => Assert.Equal("Public", (string?)subnet["Tags"]!.AsArray().Single(tag => (string?)tag!["Key"] == "aws-cdk:subnet-name")!["Value"]));
        Assert.Single(stacks.Default.OfType("AWS::EC2::InternetGateway"));
        Assert.Equal(2, stacks.Default.OfType("AWS::EC2::Route").Count(route => (string?)route.Resource["Properties"]!["DestinationCidrBlock"] == "0.0.0.0/0"));
    }

    [Fact]
    public void S3_and_DynamoDB_are_reachable_through_free_gateway_endpoints()
    {
        var endpoints = stacks.Default.OfType("AWS::EC2::VPCEndpoint").Select(endpoint => endpoint.Resource["Properties"]!).ToList();

        Assert.Equal(2, endpoints.Count);
        Assert.All(endpoints, endpoint => Assert.Equal("Gateway", (string?)endpoint["VpcEndpointType"]));
        Assert.Contains(endpoints, endpoint => endpoint["ServiceName"]!.ToJsonString().Contains(".s3", StringComparison.Ordinal));
        Assert.Contains(endpoints, endpoint => endpoint["ServiceName"]!.ToJsonString().Contains(".dynamodb", StringComparison.Ordinal));
    }

    [Fact]
    public void Only_the_load_balancer_is_open_to_the_internet()
    {
        var open = stacks.Default.OfType("AWS::EC2::SecurityGroup")
            .Where(group => group.Resource["Properties"]!["SecurityGroupIngress"]?.AsArray().Any(rule => (string?)rule!["CidrIp"] == "0.0.0.0/0") == true)
            .ToList();

        var (groupId, group) = Assert.Single(open);
        var loadBalancer = stacks.Default.Single("AWS::ElasticLoadBalancingV2::LoadBalancer").Resource["Properties"]!;
        Assert.Equal(groupId, StackTemplate.Target(loadBalancer["SecurityGroups"]![0]));
        Assert.Equal(80, (int)group["Properties"]!["SecurityGroupIngress"]![0]!["FromPort"]!);
    }
}
