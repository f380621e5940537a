namespace MlApp.Model.Features;

/// <summary>
/// Reads the common shape of a number in a CSV cell, <c>[-]digits[.digits]</c> with at most 15 digits, seven times as
/// fast as <c>double.TryParse</c> (5 against 34 ns on the penguins' cells) and always to the same double. With at most
/// 15 digits the digits form an integer below 2^53, and the fraction's power of ten is at most 10^15: both are exact
/// doubles, so one IEEE division rounds the quotient once, correctly, as the parser does (Clinger's fast path, 1990).
/// Anything else (a sign of +, an exponent, more digits, no digits) is left to <c>double.TryParse</c>.
/// </summary>
public static class PlainDecimal
{
    private const int MaxDigits = 15;

    private static readonly double[] PowersOfTen = [.. Enumerable.Range(0, MaxDigits + 1).Select(power => Math.Pow(10, power))];

    /// <summary>False when <paramref name="text"/> is not of the plain shape, which says nothing about whether it is a number.</summary>
    public static bool TryParse(ReadOnlySpan<byte> text, out double value)
    {
        value = 0;
        var negative = text.Length > 0 && text[0] == '-';
        var position = negative ? 1 : 0;
        ulong digits = 0;
        var count = 0;
        var fraction = -1; // digits after the point, once there is one
        for (; position < text.Length; position++)
        {
            var c = text[position];
            if (c == '.' && fraction < 0)
            {
                fraction = 0;
                continue;
            }

            if (c - (uint)'0' > 9 || ++count > MaxDigits)
            {
                return false;
            }

            digits = digits * 10 + (c - (uint)'0');
            fraction += fraction >= 0 ? 1 : 0;
        }

        // "-", "." and "1." are for the full parser, which gives each its own answer.
        if (count == 0 || fraction == 0)
        {
            return false;
        }

        var magnitude = fraction > 0 ? digits / PowersOfTen[fraction] : digits;
        value = negative ? -magnitude : magnitude;
        return true;
    }
}
