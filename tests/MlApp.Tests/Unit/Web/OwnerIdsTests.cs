using MlApp.Jobs;
using MlApp.Web.Owners;

namespace MlApp.Tests.Unit.Web;

[Trait("Category", "Unit")]
public sealed class OwnerIdsTests
{
    [Fact]
    public void Anonymous_and_key_owner_ids_are_valid_owner_ids_from_spaces_that_never_meet()
    {
        var anonymous = OwnerIds.NewAnonymous();
        var longest = OwnerIds.ForApiKey(new string('a', OwnerIds.MaxApiKeyNameLength));

        Assert.True(JobKeys.IsValidOwnerId(anonymous));
        Assert.True(JobKeys.IsValidOwnerId(longest));
        Assert.True(OwnerIds.IsAnonymous(anonymous));
        Assert.DoesNotContain('-', anonymous);
        Assert.StartsWith(OwnerIds.ApiKeyPrefix, longest);
        Assert.False(OwnerIds.IsAnonymous(OwnerIds.ForApiKey("0123456789abcdef0123456789a")));
    }

    [Fact]
    public void Key_owner_names_are_case_insensitive_like_configuration_keys()
    {
        Assert.Equal(OwnerIds.ForApiKey("alice"), OwnerIds.ForApiKey("Alice"));
    }

    [Theory]
    [InlineData("0123456789ABCDEF0123456789ABCDEF")]
    [InlineData("0123456789abcdef0123456789abcde")]
    [InlineData("key-alice")]
    public void Only_32_lower_case_hex_digits_are_anonymous(string ownerId)
    {
        Assert.False(OwnerIds.IsAnonymous(ownerId));
    }
}
