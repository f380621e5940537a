using MlApp.Tests.EndToEnd;

namespace MlApp.Tests.Faults.EndToEnd;

/// <summary>
/// Tests that kill processes of the running system: they get an AppHost of their own (the same fixture, a second
/// instance), so the shared one that every other EndToEnd and browser test uses is never left short of a replica.
/// </summary>
[CollectionDefinition(Name)]
public sealed class AppHostFaultsCollection : ICollectionFixture<AppHostFixture>
{
    public const string Name = "AppHost under faults";
}
