using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MlApp.Web.Owners;

namespace MlApp.Tests.Unit.Web;

/// <summary>API keys as configuration provides them (<c>ApiKeys__alice=...</c>): binding, validation at start, lookup.</summary>
[Trait("Category", "Unit")]
public sealed class ApiKeyTests
{
    private const string AliceKey = "alice-key-0123456789abcdefghijklmnopqrst";
    private const string BotKey = "bot-key-0123456789abcdefghijklmnopqrstuv";

    [Fact]
    public void Keys_bind_from_environment_style_settings_and_find_their_owner()
    {
        var keys = Directory(("ApiKeys:Alice", AliceKey), ("ApiKeys:ci-bot", BotKey));

        Assert.Equal("key-alice", keys.FindOwner(AliceKey));
        Assert.Equal("key-ci-bot", keys.FindOwner(BotKey));
        Assert.Equal("key-alice", keys.FindOwner($" {AliceKey} "));
    }

    [Theory]
    [InlineData("")]
    [InlineData("alice-key-0123456789abcdefghijklmnopqrs")]
    [InlineData("alice-key-0123456789abcdefghijklmnopqrsT")]
    [InlineData("ALICE-KEY-0123456789ABCDEFGHIJKLMNOPQRST")]
    public void A_key_that_is_not_exactly_a_configured_one_has_no_owner(string presented)
    {
        Assert.Null(Directory(("ApiKeys:alice", AliceKey)).FindOwner(presented));
    }

    [Fact]
    public void No_configured_keys_means_no_key_is_valid()
    {
        Assert.Null(Directory().FindOwner(AliceKey));
    }

    [Theory]
    [InlineData("alice", "too-short", "at least 32 characters")]
    [InlineData("alice.smith", AliceKey, "an owner name is")]
    [InlineData("alice", "                                        ", "at least 32 characters")]
    public void A_weak_key_or_a_bad_owner_name_fails_the_start(string owner, string key, string expected)
    {
        var error = Assert.Throws<OptionsValidationException>(() => Directory(($"ApiKeys:{owner}", key)));

        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void Two_owners_with_one_key_fail_the_start()
    {
        var error = Assert.Throws<OptionsValidationException>(() => Directory(("ApiKeys:alice", AliceKey), ("ApiKeys:bob", AliceKey)));

        Assert.Contains("share one key", error.Message);
    }

    private static ApiKeyDirectory Directory(params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(setting => KeyValuePair.Create(setting.Key, (string?)setting.Value)))
            .Build();
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging()
            .AddOwnerIdentity()
            .BuildServiceProvider();
        return services.GetRequiredService<ApiKeyDirectory>();
    }
}
