namespace MlApp.Tests.Deployment;

/// <summary>
/// Every test that touches CDK: jsii is not thread-safe and its first call costs seconds, so they run one at a time,
/// apart from the other collections, and share one synthesis per variant.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class DeploymentCollection : ICollectionFixture<SynthesizedStacks>
{
    public const string Name = "Deployment";
}
