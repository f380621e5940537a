using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace MlApp.ServiceDefaults.Configuration;

/// <summary>
/// A <see cref="TimeSpan"/> setting's bounds, as <c>[Range(typeof(TimeSpan), minimum, maximum)]</c> states them, with the
/// same message, but without the type converter behind that attribute, which native AOT can't keep: the bounds are
/// parsed once with the invariant culture (<c>d.hh:mm:ss.fff</c>) and compared.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter)]
public sealed class TimeSpanRangeAttribute(string minimum, string maximum) : ValidationAttribute("The field {0} must be between {1} and {2}.")
{
    public TimeSpan Minimum { get; } = TimeSpan.Parse(minimum, CultureInfo.InvariantCulture);

    public TimeSpan Maximum { get; } = TimeSpan.Parse(maximum, CultureInfo.InvariantCulture);

    /// <summary>No value is left to [Required], as with <see cref="RangeAttribute"/>.</summary>
    public override bool IsValid(object? value) => value is null || (value is TimeSpan span && span >= Minimum && span <= Maximum);

    public override string FormatErrorMessage(string name) =>
        string.Format(CultureInfo.CurrentCulture, ErrorMessageString, name, Minimum, Maximum);
}
