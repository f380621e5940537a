namespace MlApp.Tests.EndToEnd;

/// <summary>Tests that share one running AppHost: starting it takes seconds and several hundred MB.</summary>
[CollectionDefinition(Name)]
public sealed class AppHostCollection : ICollectionFixture<AppHostFixture>
{
    public const string Name = "AppHost";
}
