using System.Globalization;
using System.Text;
using MlApp.Model.Features;

namespace MlApp.Tests.Unit.Model;

/// <summary><see cref="PlainDecimal"/> must read every cell it takes as <c>double.Parse</c> does, to the bit, and take no other.</summary>
[Trait("Category", "Unit")]
public sealed class PlainDecimalTests
{
    [Theory]
    [InlineData("0")]
    [InlineData("-0")]
    [InlineData("-0.0")]
    [InlineData("007")]
    [InlineData(".5")]
    [InlineData("-.5")]
    [InlineData("0.1")]
    [InlineData("0.3")]
    [InlineData("39.1")]
    [InlineData("-17.25")]
    [InlineData("4750")]
    [InlineData("123456789012345")]
    [InlineData("0.00000000000001")]
    [InlineData("9007199254740.99")]
    [InlineData("99999999999999.9")]
    [InlineData(".000000000000001")]
    public void A_plain_decimal_reads_as_double_Parse_reads_it(string text) => AssertSame(text);

    [Theory]
    [InlineData("")]
    [InlineData("-")]
    [InlineData(".")]
    [InlineData("-.")]
    [InlineData("1.")]
    [InlineData("+1")]
    [InlineData("1e5")]
    [InlineData("1E-5")]
    [InlineData("1.2.3")]
    [InlineData("--1")]
    [InlineData("1-")]
    [InlineData(" 1")]
    [InlineData("1,5")]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("0x10")]
    [InlineData("1234567890123456")]
    [InlineData("0.0000000000000001")]
    public void Anything_else_is_left_to_the_full_parser(string text) =>
        Assert.False(PlainDecimal.TryParse(Encoding.ASCII.GetBytes(text), out _));

    [Fact]
    public void A_million_random_plain_decimals_read_as_double_Parse_reads_them()
    {
        var random = new Random(20261202);
        var text = new StringBuilder();
        for (var i = 0; i < 1_000_000; i++)
        {
            text.Clear();
            if (random.Next(4) == 0)
            {
                text.Append('-');
            }

            var digits = random.Next(1, 16);
            var point = random.Next(0, digits + 1);
            for (var d = 0; d < digits; d++)
            {
                if (d == point && d > 0)
                {
                    text.Append('.');
                }

                text.Append((char)('0' + random.Next(10)));
            }

            AssertSame(text.ToString());
        }
    }

    private static void AssertSame(string text)
    {
        Assert.True(PlainDecimal.TryParse(Encoding.ASCII.GetBytes(text), out var value), $"'{text}' was not taken");
        var expected = double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
        if (BitConverter.DoubleToInt64Bits(value) != BitConverter.DoubleToInt64Bits(expected))
        {
            Assert.Fail($"'{text}': double.Parse reads {expected:R}, PlainDecimal read {value:R}");
        }
    }
}
