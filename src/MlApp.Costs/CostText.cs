using System.Globalization;

namespace MlApp.Costs;

/// <summary>How quantities and dollars are written in bases and reports: invariant culture, no trailing zeros.</summary>
internal static class CostText
{
    public static string Number(decimal value) => value.ToString("#,0.##########", CultureInfo.InvariantCulture);

    /// <summary>A unit price exactly as AWS lists it, e.g. $0.0000166667.</summary>
    public static string Price(decimal value) => "$" + value.ToString("#,0.00########", CultureInfo.InvariantCulture);

    /// <summary>
    /// From a dollar up, an amount to the cent; below, to three significant digits: a thousand predictions cost about
    /// a tenth of a cent, and "$0.00" would hide the figure the reader came for.
    /// </summary>
    public static string Usd(decimal amount)
    {
        var decimals = 2;
        while (amount != 0 && Math.Abs(amount) < 1m && Math.Abs(amount) * Pow10(decimals) < 100 && decimals < 12)
        {
            decimals++;
        }

        var rounded = Math.Round(amount, decimals, MidpointRounding.AwayFromZero);
        return "$" + rounded.ToString("#,0." + new string('0', decimals), CultureInfo.InvariantCulture);
    }

    public static string Ratio(decimal value) =>
        Math.Round(value, 2, MidpointRounding.AwayFromZero).ToString("0.00", CultureInfo.InvariantCulture) + "x";

    private static decimal Pow10(int exponent)
    {
        var result = 1m;
        for (var i = 0; i < exponent; i++)
        {
            result *= 10;
        }

        return result;
    }
}
