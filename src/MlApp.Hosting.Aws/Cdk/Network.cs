using Amazon.CDK.AWS.EC2;
using Amazon.CDK.AWS.ECS;
using Constructs;

namespace MlApp.Hosting.Aws.Cdk;

/// <summary>Where everything runs: a VPC of public subnets in two zones, with no NAT gateway, and the ECS cluster.</summary>
/// <remarks>
/// A NAT gateway costs about as much as everything else here at rest, so tasks take public IPs instead (inbound
/// traffic still stops at their security groups). S3 and DynamoDB also have free gateway endpoints, which tasks
/// without a public IP (the GPU option's) need to reach them at all.
/// </remarks>
public sealed class Network : Construct
{
    public Network(Construct scope, string id) : base(scope, id)
    {
        Vpc = new Vpc(this, "Vpc", new VpcProps
        {
            MaxAzs = 2,
            NatGateways = 0,
            SubnetConfiguration = [new SubnetConfiguration { Name = "Public", SubnetType = SubnetType.PUBLIC, CidrMask = 24 }],
            // True would add a custom-resource Lambda to empty the default security group, which nothing here uses.
            RestrictDefaultSecurityGroup = false,
            GatewayEndpoints = new Dictionary<string, IGatewayVpcEndpointOptions>
            {
                ["S3"] = new GatewayVpcEndpointOptions { Service = GatewayVpcEndpointAwsService.S3 },
                ["DynamoDb"] = new GatewayVpcEndpointOptions { Service = GatewayVpcEndpointAwsService.DYNAMODB },
            },
        });

        // Container Insights is billed per metric; the dashboards are not worth that for a prototype.
        Cluster = new Cluster(this, "Cluster", new ClusterProps { Vpc = Vpc, ContainerInsights = false });
    }

    public Vpc Vpc { get; }

    public Cluster Cluster { get; }

    public SubnetSelection PublicSubnets => new() { SubnetType = SubnetType.PUBLIC };
}
