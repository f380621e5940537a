namespace MlApp.Hosting.LocalAws.Ecs;

/// <summary>The names the ECS emulator and its callers agree on locally; in AWS the CDK stack supplies real ones.</summary>
public static class EcsLocalNames
{
    public const string Cluster = "mlapp-local";

    // Shaped like AWS ids so settings validate the same way; the emulator only checks that they are present.
    public const string Subnet = "subnet-00000000000000001";
    public const string SecurityGroup = "sg-00000000000000001";
}
