namespace MlApp.Tests.Integration.Web;

/// <summary>
/// One test bed and one replica shared by the tests of a class, for tests that only need a running web and never
/// share a visitor; a subclass changes the settings.
/// </summary>
public class WebReplicaFixture : IAsyncLifetime
{
    private WebTestBed? _bed;
    private WebReplica? _web;

    internal WebTestBed Bed => _bed ?? throw new InvalidOperationException("The fixture has not started.");

    internal WebReplica Web => _web ?? throw new InvalidOperationException("The fixture has not started.");

    /// <summary>Settings on top of the bed's own.</summary>
    protected virtual (string Key, string? Value)[] Overrides => [];

    public async Task InitializeAsync()
    {
        _bed = await WebTestBed.CreateAsync();
        _web = _bed.StartReplica(_bed.Settings(Overrides));
    }

    public async Task DisposeAsync()
    {
        if (_bed is not null)
        {
            await _bed.DisposeAsync();
        }
    }
}
