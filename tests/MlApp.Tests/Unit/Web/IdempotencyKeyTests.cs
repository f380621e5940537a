using MlApp.Web.Jobs;

namespace MlApp.Tests.Unit.Web;

/// <summary>The one idempotency-key rule of the page and the API: 1 to 200 visible ASCII characters.</summary>
[Trait("Category", "Unit")]
public sealed class IdempotencyKeyTests
{
    [Theory]
    [InlineData("0f8fad5b-d9cb-469f-a165-70867728950e")]
    [InlineData("form-3f2504e04f8911d39a0c0305e82c3301")]
    [InlineData("!~{}[]:;'\"<>?/\\|`")]
    public void Visible_ascii_keys_are_taken(string key)
    {
        Assert.True(IdempotencyKey.IsValid(key));
        Assert.Null(IdempotencyKey.Check(key));
    }

    [Fact]
    public void No_key_is_allowed_and_two_hundred_characters_are_the_most()
    {
        Assert.Null(IdempotencyKey.Check(null));
        Assert.True(IdempotencyKey.IsValid(new string('k', 200)));
        Assert.False(IdempotencyKey.IsValid(new string('k', 201)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("tab\there")]
    [InlineData("bell\u0007")]
    [InlineData("nul\0")]
    [InlineData("del\u007f")]
    [InlineData("with space")]
    [InlineData("caf\u00e9")]
    [InlineData("\U0001F427")]
    public void Control_characters_spaces_and_non_ascii_are_refused_with_a_400(string key)
    {
        var refusal = IdempotencyKey.Check(key);

        Assert.False(IdempotencyKey.IsValid(key));
        Assert.Equal(400, refusal!.Status);
        Assert.Equal("The Idempotency-Key header is invalid.", refusal.Title);
        Assert.Contains("visible ASCII", refusal.Detail);
    }
}
