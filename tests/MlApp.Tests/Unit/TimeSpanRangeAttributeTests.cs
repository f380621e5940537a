using System.ComponentModel.DataAnnotations;
using MlApp.ServiceDefaults.Configuration;

namespace MlApp.Tests.Unit;

/// <summary>The native-safe TimeSpan range gives the verdicts and the message of the <see cref="RangeAttribute"/> it replaces.</summary>
[Trait("Category", "Unit")]
public sealed class TimeSpanRangeAttributeTests
{
    [Theory]
    [InlineData("00:00:00.049")]
    [InlineData("00:00:00.050")]
    [InlineData("00:00:10")]
    [InlineData("00:10:00")]
    [InlineData("00:10:00.001")]
    [InlineData("-00:00:01")]
    [InlineData("3650.00:00:00")]
    public void Each_value_gets_the_verdict_and_message_of_the_range_attribute(string value)
    {
        var range = new RangeAttribute(typeof(TimeSpan), "00:00:00.050", "00:10:00");
        var replacement = new TimeSpanRangeAttribute("00:00:00.050", "00:10:00");
        var span = TimeSpan.Parse(value);

        Assert.Equal(range.IsValid(span), replacement.IsValid(span));
        Assert.Equal(range.FormatErrorMessage("HeartbeatInterval"), replacement.FormatErrorMessage("HeartbeatInterval"));
    }

    [Fact]
    public void No_value_is_left_to_required()
    {
        Assert.True(new TimeSpanRangeAttribute("00:00:01", "00:00:02").IsValid(null));
    }

    [Fact]
    public void A_value_of_another_type_is_refused()
    {
        Assert.False(new TimeSpanRangeAttribute("00:00:01", "00:00:02").IsValid("00:00:01"));
    }
}
