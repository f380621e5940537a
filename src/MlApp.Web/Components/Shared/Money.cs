using System.Globalization;

namespace MlApp.Web.Components.Shared;

/// <summary>Dollar amounts as the pages show them: cents for bills, more digits for the fractions of a cent per-use costs are.</summary>
public static class Money
{
    public static string Format(decimal amount) => amount switch
    {
        >= 1m => amount.ToString("$#,##0.00", CultureInfo.InvariantCulture),
        >= 0.01m => amount.ToString("$0.000", CultureInfo.InvariantCulture),
        0m => "$0",
        _ => amount.ToString("$0.000000", CultureInfo.InvariantCulture),
    };
}
